// The administrator's pages: users, units, assignment overrides, the audit trail, reopening an
// approved report. Sections are tabs; each asks the server only when opened.
import { useState } from 'react';
import { Body1, Spinner, Subtitle1, Tab, TabList, makeStyles, tokens } from '@fluentui/react-components';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice } from '../common/Notice';
import { usePlan } from '../common/usePlan';
import { AuditPanel } from './AuditPanel';
import { OverridesPanel } from './OverridesPanel';
import { ReopenPanel } from './ReopenPanel';
import { UnitsPanel } from './UnitsPanel';
import { UsersPanel } from './UsersPanel';

const t = web.admin;
type Section = keyof typeof t.tabs;
const useStyles = makeStyles({ column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL } });

export function AdminPage() {
  const styles = useStyles();
  const { user, api } = useSignedInUser();
  const plan = usePlan(api);
  const [section, setSection] = useState<Section>('users');
  if (!user.roles.some((r) => r.role === 'admin' && r.unitId === null)) return <Body1>{t.notAdmin}</Body1>;
  if (plan.error) return <Notice notice={{ intent: 'error', text: plan.error }} />;
  if (!plan.plan) return <Spinner label={web.loading} />;
  return (
    <div className={styles.column}>
      <Subtitle1 as="h2">{t.title}</Subtitle1>
      <TabList selectedValue={section} onTabSelect={(_e, d) => setSection(d.value as Section)} aria-label={t.title}>
        {(Object.keys(t.tabs) as Section[]).map((s) => <Tab key={s} value={s}>{t.tabs[s]}</Tab>)}
      </TabList>
      <div role="tabpanel" aria-label={t.tabs[section]} className={styles.column}>
        {section === 'users' && <UsersPanel units={plan.plan.units} />}
        {section === 'units' && <UnitsPanel />}
        {section === 'overrides' && <OverridesPanel planId={plan.planId} plan={plan.plan} />}
        {section === 'audit' && <AuditPanel units={plan.plan.units} />}
        {section === 'reopen' && <ReopenPanel planId={plan.planId} plan={plan.plan} period={plan.period} setPeriod={plan.setPeriod} />}
      </div>
    </div>
  );
}
