// The choices every page starts from: plan, period, unit (native selects: keyboard and screen
// readers know them, and they are light).
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { web } from '../../text/web';
import type { PeriodInfo, PlanSummary } from '../data/plans';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'flex-end' },
  wide: { minWidth: '320px', maxWidth: '520px' },
  narrow: { minWidth: '200px' },
});

export function PickerRow({ children }: { children: React.ReactNode }) {
  return <div className={useStyles().row}>{children}</div>;
}

export function PlanSelect({ plans, value, onChange }: { plans: readonly PlanSummary[]; value: string; onChange: (id: string) => void }) {
  const styles = useStyles();
  return (
    <Field label={web.plan} className={styles.wide}>
      <Select value={value} onChange={(_e, d) => onChange(d.value)}>
        {plans.map((p) => <option key={p.planId} value={p.planId}>{`${p.number} – ${p.title}`}</option>)}
      </Select>
    </Field>
  );
}

export function PeriodSelect({ periods, value, onChange }: { periods: readonly PeriodInfo[]; value: string; onChange: (id: string) => void }) {
  const styles = useStyles();
  return (
    <Field label={web.period} className={styles.narrow}>
      <Select value={value} onChange={(_e, d) => onChange(d.value)}>
        {periods.map((p) => <option key={p.id} value={p.id}>{p.label}</option>)}
      </Select>
    </Field>
  );
}

export function UnitSelect({ units, value, onChange }: { units: readonly { id: string; name: string }[]; value: string; onChange: (id: string) => void }) {
  const styles = useStyles();
  return (
    <Field label={web.unit} className={styles.wide}>
      <Select value={value} onChange={(_e, d) => onChange(d.value)}>
        {units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
      </Select>
    </Field>
  );
}
