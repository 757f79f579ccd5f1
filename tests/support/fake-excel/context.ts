// Office.js proxy semantics for the fake Excel host: the shared core (../fake-office.ts), failing a
// sync as Excel does in cell-edit mode, and the selection Excel keeps on the workbook.
import { FakeBatchContext, FakeOfficeError, FakeProxy, type SyncControl } from '../fake-office';
import { ERROR_CODES } from './state';

export interface HostControl extends SyncControl {
  /** The next N syncs fail with InvalidOperationInCellEditMode, nothing of their batch applied. */
  cellEditSyncs: number;
  /** Worksheet.protection.unprotect() fails with AccessDenied (current builds, office-js issue 6784). */
  unprotectDenied: boolean;
  /** A range read larger than this many cells comes back null, as Excel's values do above five million. */
  cellReadLimit: number;
  /** The last range selected through the API (Excel keeps the selection on the workbook). */
  selection: { sheet: string | null; address: string | null };
}

export class FakeContext extends FakeBatchContext<HostControl> {
  constructor(host: HostControl) {
    super(host, () => {
      if (host.cellEditSyncs <= 0) return null;
      host.cellEditSyncs -= 1;
      return new FakeOfficeError(ERROR_CODES.invalidOperationInCellEditMode,
        'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.');
    });
  }
}

export abstract class ClientObject extends FakeProxy<FakeContext> {}
