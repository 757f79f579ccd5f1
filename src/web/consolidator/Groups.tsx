// The consolidation by group: a table per group (province figure, evaluation, how many units have
// reported), a drill-down to each unit's value, and for indicators a chart per group.
import { Fragment, useMemo, useState } from 'react';
import {
  Badge, Button, Caption1, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Group } from '../../core/catalogue-types';
import type { IndicatorLine, TaskLine } from '../../core/consolidation-sheet';
import { web } from '../../text/web';
import { chartPoints } from './chart-points';
import { GroupChart } from './GroupChart';

const t = web.consolidator;
const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  no: { width: '48px' },
  text: { width: '44%' },
  drill: { backgroundColor: tokens.colorNeutralBackground3, padding: tokens.spacingHorizontalM },
});
const EVAL_COLOR = { met: 'success', exceeded: 'success', notMet: 'danger', noData: 'informative', manual: 'warning' } as const;

/** The unit rows an indicator line carries (the JSON has names and notes beside what the sheet type names). */
type UnitValue = IndicatorLine['units'][number] & { readonly name?: string; readonly note?: string | null; readonly assessment?: string | null };

function IndicatorDrill({ line, names }: { line: IndicatorLine; names: ReadonlyMap<string, string> }) {
  return (
    <Table size="extra-small" aria-label={t.drill(`${web.itemIndicator(line.no)}`)}>
      <TableHeader>
        <TableRow>
          <TableHeaderCell>{web.unit}</TableHeaderCell>
          <TableHeaderCell>{t.status}</TableHeaderCell>
          <TableHeaderCell>{t.value}</TableHeaderCell>
          <TableHeaderCell>{t.evaluation}</TableHeaderCell>
          <TableHeaderCell>{t.note}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {(line.units as readonly UnitValue[]).map((u) => (
          <TableRow key={u.unitId}>
            <TableCell>{u.name ?? names.get(u.unitId) ?? u.unitId}</TableCell>
            <TableCell>{t.unitStatus[u.status as keyof typeof t.unitStatus] ?? u.status}</TableCell>
            <TableCell>{u.display ?? '—'}</TableCell>
            {/* A unit's value is judged only where the target applies to it; otherwise it is a contribution (docs/figures.md). */}
            <TableCell>{u.assessment ?? (u.evaluation ? web.evaluation[u.evaluation] : '—')}</TableCell>
            <TableCell>{u.note ?? ''}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}

export function IndicatorGroups({ lines, groups, names = new Map() }: { lines: readonly IndicatorLine[]; groups: readonly Group[]; names?: ReadonlyMap<string, string> }) {
  const styles = useStyles();
  const [open, setOpen] = useState<string | null>(null);
  const byGroup = useMemo(() => groups.map((g) => ({ group: g, lines: lines.filter((l) => l.group === g.id) })).filter((x) => x.lines.length > 0), [groups, lines]);
  return (
    <>
      {byGroup.map(({ group, lines: rows }) => (
        <section key={group.id} className={styles.group} aria-labelledby={`group-${group.id}`}>
          <Subtitle2 as="h3" id={`group-${group.id}`}>{`${group.id}. ${group.title}`}</Subtitle2>
          <Table size="small" aria-labelledby={`group-${group.id}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.no}>{t.no}</TableHeaderCell>
                <TableHeaderCell className={styles.text}>{t.indicator}</TableHeaderCell>
                <TableHeaderCell>{t.target}</TableHeaderCell>
                <TableHeaderCell>{t.figure}</TableHeaderCell>
                <TableHeaderCell>{t.evaluation}</TableHeaderCell>
                <TableHeaderCell>{t.reported}</TableHeaderCell>
                <TableHeaderCell>{web.clerk.actions}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((line) => (
                <Fragment key={line.id}>
                  <TableRow>
                    <TableCell>{line.no}</TableCell>
                    <TableCell>{line.text}</TableCell>
                    <TableCell>{line.targetText}</TableCell>
                    <TableCell>{line.figureText}{line.provisional && <Caption1>{` (${t.provisional})`}</Caption1>}</TableCell>
                    <TableCell><Badge appearance="tint" color={EVAL_COLOR[line.evaluation]}>{line.evaluationLabel}</Badge></TableCell>
                    <TableCell>{`${line.reported}/${line.expected}`}</TableCell>
                    <TableCell>
                      <Button size="small" aria-expanded={open === line.id} onClick={() => setOpen(open === line.id ? null : line.id)}>
                        {open === line.id ? t.drillClose : t.drillOpen}
                      </Button>
                    </TableCell>
                  </TableRow>
                  {open === line.id && (
                    <TableRow>
                      <TableCell colSpan={7} className={styles.drill}><IndicatorDrill line={line} names={names} /></TableCell>
                    </TableRow>
                  )}
                </Fragment>
              ))}
            </TableBody>
          </Table>
          <GroupChart group={`${group.id}. ${group.title}`} points={chartPoints(rows, web.itemIndicator)} />
        </section>
      ))}
    </>
  );
}

type TaskUnit = TaskLine['units'][number] & { readonly name?: string; readonly progress?: number | null; readonly result?: string | null };

export function TaskGroups({ lines, groups }: { lines: readonly TaskLine[]; groups: readonly Group[] }) {
  const styles = useStyles();
  const [open, setOpen] = useState<string | null>(null);
  const byGroup = useMemo(() => groups.map((g) => ({ group: g, lines: lines.filter((l) => l.group === g.id) })).filter((x) => x.lines.length > 0), [groups, lines]);
  return (
    <>
      {byGroup.map(({ group, lines: rows }) => (
        <section key={group.id} className={styles.group} aria-labelledby={`group-${group.id}`}>
          <Subtitle2 as="h3" id={`group-${group.id}`}>{`${group.id}. ${group.title}`}</Subtitle2>
          <Table size="small" aria-labelledby={`group-${group.id}`}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell className={styles.no}>{t.no}</TableHeaderCell>
                <TableHeaderCell className={styles.text}>{t.task}</TableHeaderCell>
                <TableHeaderCell>{t.deadline}</TableHeaderCell>
                <TableHeaderCell>{t.progress}</TableHeaderCell>
                <TableHeaderCell>{web.clerk.actions}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((line) => (
                <Fragment key={line.id}>
                  <TableRow>
                    <TableCell>{line.no ?? ''}</TableCell>
                    <TableCell>{line.text}</TableCell>
                    <TableCell>{line.deadlineText ?? ''}{line.overdue > 0 && <Badge appearance="tint" color="danger">{` ${t.overdue} ${line.overdue}`}</Badge>}</TableCell>
                    <TableCell>{t.taskCounts(line.done, line.onTrack, line.late, line.notStarted, line.notReported)}</TableCell>
                    <TableCell>
                      <Button size="small" aria-expanded={open === line.id} onClick={() => setOpen(open === line.id ? null : line.id)}>
                        {open === line.id ? t.drillClose : t.drillOpen}
                      </Button>
                    </TableCell>
                  </TableRow>
                  {open === line.id && (
                    <TableRow>
                      <TableCell colSpan={5} className={styles.drill}>
                        <Table size="extra-small" aria-label={t.drill(web.itemTask(line.no))}>
                          <TableHeader>
                            <TableRow>
                              <TableHeaderCell>{web.unit}</TableHeaderCell>
                              <TableHeaderCell>{t.status}</TableHeaderCell>
                              <TableHeaderCell>{t.progress}</TableHeaderCell>
                            </TableRow>
                          </TableHeader>
                          <TableBody>
                            {(line.units as readonly TaskUnit[]).map((u) => (
                              <TableRow key={u.unitId}>
                                <TableCell>{u.name ?? u.unitId}</TableCell>
                                <TableCell>{t.unitStatus[u.reportStatus as keyof typeof t.unitStatus] ?? u.reportStatus}</TableCell>
                                <TableCell>{[u.status ? web.taskStatus[u.status] ?? u.status : '—', u.progress != null ? `${u.progress}%` : '', u.result ?? ''].filter(Boolean).join(' · ')}</TableCell>
                              </TableRow>
                            ))}
                          </TableBody>
                        </Table>
                      </TableCell>
                    </TableRow>
                  )}
                </Fragment>
              ))}
            </TableBody>
          </Table>
        </section>
      ))}
    </>
  );
}
