// Who has reported: the summary figures (expected, sent, approved, late, missing, rates) and every
// expected unit with its report's state, missing ones first.
import { useMemo } from 'react';
import {
  Badge, Body1, Subtitle1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import type { ConsolidationData } from '../../core/consolidation-sheet';
import { web } from '../../text/web';

const t = web.consolidator;
const useStyles = makeStyles({
  figures: { display: 'flex', gap: tokens.spacingHorizontalXL, flexWrap: 'wrap', margin: 0 },
  figure: { display: 'flex', flexDirection: 'column-reverse', padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, minWidth: '120px' },
  number: { fontSize: tokens.fontSizeBase600, fontWeight: tokens.fontWeightSemibold, margin: 0 },
  scroll: { maxHeight: '360px', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
});
const COLOR = { missing: 'danger', submitted: 'brand', approved: 'success', returned: 'warning' } as const;
// The server gives rates in percent (two decimals).
const rate = (r: number | null) => (r === null ? '—' : `${r.toLocaleString('vi-VN', { maximumFractionDigits: 1 })}%`);

export function Completeness({ data }: { data: ConsolidationData }) {
  const styles = useStyles();
  const s = data.summary;
  const units = useMemo(() => [...data.units].sort((a, b) => Number(b.status === 'missing') - Number(a.status === 'missing') || a.name.localeCompare(b.name, 'vi')), [data.units]);
  const figures: [string, string][] = [
    [t.expected, String(s.expected)], [t.submitted, String(s.submitted)], [t.approved, String(s.approved)],
    [t.late, String(s.late)], [t.missing, String(s.missing)], [t.completenessRate, rate(s.completenessRate)], [t.onTimeRate, rate(s.onTimeRate)],
  ];
  return (
    <section aria-labelledby="completeness">
      <Subtitle1 as="h3" id="completeness">{t.completeness}</Subtitle1>
      <dl className={styles.figures}>
        {figures.map(([label, value]) => (
          <div key={label} className={styles.figure}><dt><Body1>{label}</Body1></dt><dd className={styles.number}>{value}</dd></div>
        ))}
      </dl>
      <details>
        <summary>{`${t.whoTitle} (${units.length})`}</summary>
        <div className={styles.scroll}>
          <Table size="extra-small" aria-label={t.whoTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{web.unit}</TableHeaderCell>
                <TableHeaderCell>{t.status}</TableHeaderCell>
                <TableHeaderCell>{web.lastSent}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {units.map((u) => (
                <TableRow key={u.unitId}>
                  <TableCell>{u.name}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={COLOR[u.status]}>{t.unitStatus[u.status]}</Badge>
                    {u.late && <Badge appearance="tint" color="danger">{web.state.late}</Badge>}
                  </TableCell>
                  <TableCell>{u.submittedAt ? `${web.revision(u.revision ?? 1)} · ${web.dateTime(u.submittedAt)}` : ''}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      </details>
    </section>
  );
}
