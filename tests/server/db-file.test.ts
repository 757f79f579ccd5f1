// The embedded SQLite file holds password hashes and unapproved reports: only its owner may read it.
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../../src/server/db/connect';

describe('the SQLite file', () => {
  it('is created readable and writable by its owner only, in a private folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'db-file-')), 'data');
    const file = join(dir, 'reporting.sqlite');
    const db = connect({ sqliteFile: file });
    await db.close();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });
});
