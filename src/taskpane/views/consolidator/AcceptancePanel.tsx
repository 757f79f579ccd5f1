// The province's word on the units' approved reports, under the consolidation (docs/province-report.md):
// per unit its state as the sheet prints it, "Chấp nhận" and "Trả lại để sửa" with a required reason.
// Keyboard and screen reader as the rest of the pane (docs/accessibility.md): buttons named with their
// unit, the reason's error on its field (focused), the outcome announced by the parent's NoticeBar.
import { useState } from 'react';
import { Body1, Button, Caption1, Field, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { a11y } from '../../../text/a11y';
import { strings } from '../../../text/strings';
import { useFocusRequest } from '../../../ui';
import type { AcceptanceRow, ActOutcome } from './acceptance-flow';

const s = strings.consolidatorFlow.acceptance;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, padding: tokens.spacingVerticalS, border: `1px solid ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
});

export interface AcceptancePanelProps {
  readonly rows: readonly AcceptanceRow[];
  readonly busy: boolean;
  readonly onAccept: (row: AcceptanceRow) => Promise<ActOutcome>;
  readonly onSendBack: (row: AcceptanceRow, reason: string) => Promise<ActOutcome>;
}

export function AcceptancePanel({ rows, busy, onAccept, onSendBack }: AcceptancePanelProps) {
  const styles = useStyles();
  const [open, setOpen] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [reasonRef, focusReason] = useFocusRequest();

  const startSendBack = (row: AcceptanceRow) => {
    setOpen(row.submissionId);
    setReason('');
    setReasonError(null);
    focusReason();
  };
  const confirm = async (row: AcceptanceRow) => {
    const r = await onSendBack(row, reason);
    if (!r.ok && r.field === 'reason') {
      setReasonError(r.message);
      focusReason();
      return;
    }
    if (r.ok) setOpen(null);
  };

  return (
    <section className={styles.column} aria-labelledby="acceptance-title">
      <Subtitle2 as="h3" id="acceptance-title">{s.title}</Subtitle2>
      <Body1>{s.intro}</Body1>
      {rows.length === 0 && <Body1>{s.none}</Body1>}
      {rows.length > 0 && (
        <ul className={styles.list} aria-label={a11y.acceptanceList}>
          {rows.map((row) => (
            <li key={row.submissionId} className={styles.item}>
              <Body1>{row.name}</Body1>
              <Caption1>{`${row.stateLabel} · ${s.revision(row.revision)}`}</Caption1>
              <div className={styles.row}>
                {row.mayAccept && (
                  <Button size="small" appearance="primary" disabledFocusable={busy} aria-label={a11y.unitAction(s.accept, row.name)} onClick={() => void onAccept(row)}>
                    {s.accept}
                  </Button>
                )}
                {row.maySendBack && open !== row.submissionId && (
                  <Button size="small" disabledFocusable={busy} aria-label={a11y.unitAction(s.sendBack, row.name)} onClick={() => startSendBack(row)}>
                    {s.sendBack}
                  </Button>
                )}
              </div>
              {open === row.submissionId && (
                <div className={styles.column}>
                  <Field label={s.reason} hint={s.reasonHint} required {...(reasonError ? { validationState: 'error' as const, validationMessage: reasonError } : {})}>
                    <Textarea ref={reasonRef} value={reason} resize="vertical" onChange={(_e, d) => { setReason(d.value); if (reasonError) setReasonError(null); }} />
                  </Field>
                  <div className={styles.row}>
                    <Button size="small" appearance="primary" disabledFocusable={busy} aria-label={a11y.unitAction(s.confirmSendBack, row.name)} onClick={() => void confirm(row)}>
                      {s.confirmSendBack}
                    </Button>
                    <Button size="small" disabledFocusable={busy} onClick={() => setOpen(null)}>{s.cancel}</Button>
                  </div>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
