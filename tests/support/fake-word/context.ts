// Office.js proxy semantics for the fake Word host: the shared core (../fake-office.ts) with Word's
// own way to fail a sync (a test sets failNextSync to an Office error code).
import { FakeBatchContext, FakeOfficeError, FakeProxy, type SyncControl } from '../fake-office';

export { FakeOfficeError };

export interface WordHostControl extends SyncControl {
  /** Requirement sets the fake supports and their highest version, e.g. { WordApi: '1.3' }. */
  requirementSets: Record<string, string>;
  /** The next sync fails with this Office error code (then the host behaves again). */
  failNextSync: string | null;
}

export class FakeContext extends FakeBatchContext<WordHostControl> {
  constructor(host: WordHostControl) {
    super(host, () => {
      const code = host.failNextSync;
      if (!code) return null;
      host.failNextSync = null;
      return new FakeOfficeError(code, `Fake Word failure ${code}`);
    });
  }
}

export abstract class Proxy extends FakeProxy<FakeContext> {}
