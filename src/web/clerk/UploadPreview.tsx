// The dry run's answer before anything is stored: rows accepted, every issue at its cell, the rows
// still empty; "Gửi báo cáo" only when there is no error.
import { useMemo } from 'react';
import {
  Body1, Button, MessageBar, MessageBarBody, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import type { Catalogue } from '../../core/catalogue-types';
import { web } from '../../text/web';
import type { ImportSummary } from '../data/submissions';
import { itemNames } from './itemNames';

const t = web.clerk;
const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, padding: tokens.spacingHorizontalM, border: `1px solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
});

export function UploadPreview({ preview, catalogue, busy, onSend, onCancel }: {
  preview: ImportSummary; catalogue: Catalogue; busy: boolean; onSend: () => void; onCancel: () => void;
}) {
  const styles = useStyles();
  const names = useMemo(() => itemNames(catalogue), [catalogue]);
  const errors = preview.issues.filter((i) => i.severity === 'error').length;
  const ok = preview.status === 'valid' && errors === 0;
  return (
    <section className={styles.box} aria-label={t.previewTitle}>
      <Subtitle2 as="h4">{t.previewTitle}</Subtitle2>
      <MessageBar intent={ok ? 'success' : 'error'} layout="multiline">
        <MessageBarBody>{`${t.previewRows(preview.acceptedRows, preview.rows)} ${ok ? t.previewOk : (preview.status === 'invalid' ? preview.message : t.previewErrors)}`}</MessageBarBody>
      </MessageBar>
      {preview.issues.length > 0 && (
        <Table size="small" aria-label={t.issues}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t.cell}</TableHeaderCell>
              <TableHeaderCell>{t.item}</TableHeaderCell>
              <TableHeaderCell>{t.message}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {preview.issues.map((issue, n) => (
              <TableRow key={n}>
                <TableCell>{issue.address ?? '—'}</TableCell>
                <TableCell>{issue.rowId ? names.get(issue.rowId) ?? '' : ''}</TableCell>
                <TableCell>{`${t.severity[issue.severity]}: ${issue.message}`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {preview.emptyRows.length === 0 ? <Body1>{t.noEmpty}</Body1> : (
        <details>
          <summary>{t.emptyTitle(preview.emptyRows.length)}</summary>
          <Body1>{t.emptyNote}</Body1>
          <ul className={styles.list}>
            {preview.emptyRows.map((r) => <li key={r.rowId}>{`${r.address ?? ''} – ${names.get(r.rowId) ?? ''}`}</li>)}
          </ul>
        </details>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={!ok || busy} onClick={onSend}>{t.confirm}</Button>
        <Button disabled={busy} onClick={onCancel}>{t.cancel}</Button>
      </div>
    </section>
  );
}
