import { hashPassword, needsRehash, verifyPassword } from '../../../src/server/auth/passwords';

describe('password hashes', () => {
  it('stores scrypt$N$r$p$salt$hash and verifies only the right password', async () => {
    const hash = await hashPassword('Nghệ An 2026 chuyển đổi số');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    await expect(verifyPassword('Nghệ An 2026 chuyển đổi số', hash)).resolves.toBe(true);
    await expect(verifyPassword('Nghệ An 2026 chuyển đổi sô', hash)).resolves.toBe(false);
    expect(needsRehash(hash)).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('cùng một mật khẩu')).not.toBe(await hashPassword('cùng một mật khẩu'));
  });

  it('treats composed and decomposed Vietnamese as the same password (NFC)', async () => {
    const hash = await hashPassword('Việt Nam muôn năm');
    await expect(verifyPassword('Việt Nam muôn năm'.normalize('NFD'), hash)).resolves.toBe(true);
  });

  it.each([
    ['no hash (unknown user)', null],
    ['empty', ''],
    ['another scheme', '$2b$10$abcdefghijklmnopqrstuv'],
    ['absurd cost', 'scrypt$1073741824$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g='],
    ['N not a power of two', 'scrypt$1000$8$1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaGhhc2g='],
  ])('refuses (after a dummy run) when the stored hash is %s', async (_name, stored) => {
    await expect(verifyPassword('bất kỳ mật khẩu nào', stored)).resolves.toBe(false);
  });

  it('spends comparable time on an unknown user as on a wrong password', async () => {
    const hash = await hashPassword('mật khẩu thật sự');
    await verifyPassword('x', null); // warm the dummy hash
    const time = async (f: () => Promise<unknown>) => {
      const t = process.hrtime.bigint();
      await f();
      return Number(process.hrtime.bigint() - t) / 1e6;
    };
    // The fastest of a few runs each, so a busy machine does not make the test flaky.
    const fastest = async (f: () => Promise<unknown>) => Math.min(...[await time(f), await time(f), await time(f)]);
    const unknown = await fastest(() => verifyPassword('đoán thử', null));
    const wrong = await fastest(() => verifyPassword('đoán thử', hash));
    expect(unknown).toBeGreaterThan(wrong / 4);
  });
});
