// A report's state as badges: colour AND words (never colour alone).
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { web } from '../../text/web';
import type { StateOfReport } from '../clerk/report-state';

const COLOR = { notStarted: 'informative', submitted: 'brand', returned: 'warning', approved: 'success' } as const;
const useStyles = makeStyles({ row: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap' } });

export function StateBadges({ state }: { state: StateOfReport }) {
  return (
    <span className={useStyles().row}>
      <Badge appearance="tint" color={COLOR[state.state]}>{web.state[state.state]}</Badge>
      {state.late && <Badge appearance="tint" color="danger">{web.state.late}</Badge>}
      {state.overdue && <Badge appearance="tint" color="danger">{web.state.overdue}</Badge>}
    </span>
  );
}
