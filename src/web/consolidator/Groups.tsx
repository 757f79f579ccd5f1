// The consolidation by group: a table per group (province figure, evaluation, how many units have
// reported), a drill-down to each unit's value, and for indicators a chart per group.
import { Fragment, useMemo, useState, type ReactNode } from 'react';
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

/** A column of a group's table: its header and what a line shows in it. */
interface Column<L> {
  readonly header: string;
  /** The number column is narrow, the text column wide; the others share the rest. */
  readonly width?: 'no' | 'text';
  readonly cell: (line: L) => ReactNode;
}

interface GroupedTablesProps<L> {
  readonly lines: readonly L[];
  readonly groups: readonly Group[];
  readonly columns: readonly Column<L>[];
  /** The units behind one line, shown under it when opened. */
  readonly drill: (line: L) => ReactNode;
  /** What follows a group's table (the indicators' chart). */
  readonly after?: (group: Group, lines: readonly L[]) => ReactNode;
}

/** One section per group that has lines: a table with a drill-down button per line. */
function GroupedTables<L extends { readonly id: string; readonly group: string }>({ lines, groups, columns, drill, after }: GroupedTablesProps<L>) {
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
                {columns.map((c) => <TableHeaderCell key={c.header} className={c.width && styles[c.width]}>{c.header}</TableHeaderCell>)}
                <TableHeaderCell>{web.clerk.actions}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((line) => (
                <Fragment key={line.id}>
                  <TableRow>
                    {columns.map((c) => <TableCell key={c.header}>{c.cell(line)}</TableCell>)}
                    <TableCell>
                      <Button size="small" aria-expanded={open === line.id} onClick={() => setOpen(open === line.id ? null : line.id)}>
                        {open === line.id ? t.drillClose : t.drillOpen}
                      </Button>
                    </TableCell>
                  </TableRow>
                  {open === line.id && (
                    <TableRow>
                      <TableCell colSpan={columns.length + 1} className={styles.drill}>{drill(line)}</TableCell>
                    </TableRow>
                  )}
                </Fragment>
              ))}
            </TableBody>
          </Table>
          {after?.(group, rows)}
        </section>
      ))}
    </>
  );
}

const INDICATOR_COLUMNS: readonly Column<IndicatorLine>[] = [
  { header: t.no, width: 'no', cell: (l) => l.no },
  { header: t.indicator, width: 'text', cell: (l) => l.text },
  { header: t.target, cell: (l) => l.targetText },
  { header: t.figure, cell: (l) => <>{l.figureText}{l.provisional && <Caption1>{` (${t.provisional})`}</Caption1>}</> },
  { header: t.evaluation, cell: (l) => <Badge appearance="tint" color={EVAL_COLOR[l.evaluation]}>{l.evaluationLabel}</Badge> },
  { header: t.reported, cell: (l) => `${l.reported}/${l.expected}` },
];

export function IndicatorGroups({ lines, groups, names = new Map() }: { lines: readonly IndicatorLine[]; groups: readonly Group[]; names?: ReadonlyMap<string, string> }) {
  return (
    <GroupedTables
      lines={lines}
      groups={groups}
      columns={INDICATOR_COLUMNS}
      drill={(line) => <IndicatorDrill line={line} names={names} />}
      after={(group, rows) => <GroupChart group={`${group.id}. ${group.title}`} points={chartPoints(rows, web.itemIndicator)} />}
    />
  );
}

type TaskUnit = TaskLine['units'][number] & { readonly name?: string; readonly progress?: number | null; readonly result?: string | null };

function TaskDrill({ line }: { line: TaskLine }) {
  return (
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
  );
}

const TASK_COLUMNS: readonly Column<TaskLine>[] = [
  { header: t.no, width: 'no', cell: (l) => l.no ?? '' },
  { header: t.task, width: 'text', cell: (l) => l.text },
  { header: t.deadline, cell: (l) => <>{l.deadlineText ?? ''}{l.overdue > 0 && <Badge appearance="tint" color="danger">{` ${t.overdue} ${l.overdue}`}</Badge>}</> },
  { header: t.progress, cell: (l) => t.taskCounts(l.done, l.onTrack, l.late, l.notStarted, l.notReported) },
];

export function TaskGroups({ lines, groups }: { lines: readonly TaskLine[]; groups: readonly Group[] }) {
  return <GroupedTables lines={lines} groups={groups} columns={TASK_COLUMNS} drill={(line) => <TaskDrill line={line} />} />;
}
