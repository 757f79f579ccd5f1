// Operator commands: `npm run admin -- <command>`. Same configuration (DATA_DIR / DATABASE_URL),
// connection and migrations as the server. Each command is one transaction: a refused or failing
// command writes nothing; --dry-run runs it and rolls back. Messages are Vietnamese with a code.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import type { Kysely } from 'kysely';
import { loadConfig } from './config';
import { connectFromConfig, type Db } from './db/connect';
import { migrateToLatest } from './db/migrate';
import type { Database } from './db/schema';
import { checkPasswordPolicy, hashPassword } from './auth/passwords';
import { importUnitsCsv } from './repositories/units';
import { defaultSeedsDir, loadCatalogues } from './catalogues';
import { unassignedItems, unassignedWarning } from './effective-assignments';
import { ASSIGNMENT_USAGE, isAssignmentCommand, runAssignmentCommand } from './admin-cli-assignments';
import { createUser, findByUsername, grant, listUsersWithRoles, revoke, setPassword, setUserDisabled, type RepoResult } from './repositories/users';

const USAGE = `Cách dùng: npm run admin -- <lệnh> [--dry-run]
  units import <tệp.csv>                       nạp danh mục xã/phường từ CSV (id,name,level,classes)
  user add <tên> --password-stdin [--display-name "Họ tên"] [--must-change]
  user add <tên> --entra-upn <upn> [--entra-oid <oid>] [--display-name "Họ tên"]
  user passwd <tên> --password-stdin [--must-change]
  user disable <tên>                            khoá tài khoản; mọi phiên đăng nhập của người đó hết hiệu lực ngay
  user enable <tên>                             mở khoá tài khoản (phiên cũ không dùng lại được)
  grant <tên> <reporter|approver|consolidator|admin> [mã đơn vị]
  revoke <tên> <vai trò> [mã đơn vị]
  users                                        danh sách người dùng và vai trò
${ASSIGNMENT_USAGE}`;

/** An expected refusal: printed as "Lỗi [code]: message", exit 1 (2 for usage errors). */
export class CliError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Thrown inside the transaction to roll back a --dry-run. */
class DryRun extends Error {}

interface Parsed {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--display-name', '--entra-upn', '--entra-oid', '--reason']);
const BOOL_FLAGS = new Set(['--dry-run', '--password-stdin', '--must-change']);

export function parseArgs(argv: readonly string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (BOOL_FLAGS.has(a)) flags.set(a, true);
    else if (VALUE_FLAGS.has(a)) {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new CliError('cli.usage', `Thiếu giá trị sau ${a}.\n${USAGE}`, 2);
      flags.set(a, v);
    } else if (a.startsWith('--')) throw new CliError('cli.usage', `Tuỳ chọn không hợp lệ: ${a}.\n${USAGE}`, 2);
    else positional.push(a);
  }
  return { positional, flags };
}

const unwrap = <T>(r: RepoResult<T>): T => {
  if (!r.ok) throw new CliError(r.code, r.message);
  return r.value;
};

async function readPassword(stdin: () => Promise<string>, username: string): Promise<string> {
  const password = (await stdin()).split(/\r?\n/)[0];
  const problem = checkPasswordPolicy(password, username);
  if (problem) throw new CliError('password.policy', problem);
  return hashPassword(password);
}

async function userId(db: Kysely<Database>, username: string): Promise<string> {
  const user = await findByUsername(db, username);
  if (!user) throw new CliError('user.notFound', `Không tìm thấy người dùng "${username}".`);
  return user.id;
}

export interface CliIo {
  out(line: string): void;
  stdin(): Promise<string>;
  actor: string;
}

/** Runs one command against an open, migrated database. */
export async function runCommand(db: Db, argv: readonly string[], io: CliIo): Promise<void> {
  const { positional, flags } = parseArgs(argv);
  const dryRun = flags.has('--dry-run');
  const [cmd, sub, ...rest] = positional;
  const arity = (n: number, max = n) => {
    if (rest.length < n || rest.length > max) throw new CliError('cli.usage', `Sai số tham số cho "${[cmd, sub].join(' ')}".\n${USAGE}`, 2);
  };
  const done = (what: string) => io.out(dryRun ? `[chạy thử] ${what} — chưa ghi gì.` : what);

  // Read stdin before opening a transaction (a SQLite write transaction should stay short).
  const needsPassword = flags.has('--password-stdin');

  /** One transaction per command; --dry-run rolls it back at the end. */
  const inTransaction = async (work: (trx: Kysely<Database>) => Promise<string>) => {
    let message = '';
    try {
      await db.kysely.transaction().execute(async (trx) => {
        message = await work(trx);
        if (dryRun) throw new DryRun();
      });
    } catch (err) {
      if (!(err instanceof DryRun)) throw err;
    }
    done(message);
  };

  if (cmd === 'units' && sub === 'import') {
    arity(1);
    let csv: string;
    try {
      csv = readFileSync(rest[0], 'utf8');
    } catch {
      throw new CliError('file.unreadable', `Không đọc được tệp "${rest[0]}".`);
    }
    // The units repository runs its own transaction and writes nothing when any line is bad.
    const r = await importUnitsCsv(db.kysely, csv, { userId: io.actor, now: new Date().toISOString(), dryRun });
    if (!r.ok) throw new CliError('units.csvInvalid', `Tệp CSV có lỗi, không nạp đơn vị nào:\n  ${r.issues.map((i) => i.message).join('\n  ')}`);
    done(`Đơn vị: thêm ${r.added}, cập nhật ${r.updated}, không đổi ${r.unchanged}.`);
    if (!dryRun) {
      for (const catalogue of loadCatalogues(defaultSeedsDir).catalogues.values()) {
        const warning = unassignedWarning(await unassignedItems(db.kysely, catalogue));
        if (warning) io.out(`${catalogue.planId}: ${warning.trim()}`);
      }
    }
    return;
  }
  if (cmd === 'user' && (sub === 'add' || sub === 'passwd')) {
    arity(1);
    const username = rest[0];
    const entraUpn = flags.get('--entra-upn');
    if (sub === 'passwd' && !needsPassword) throw new CliError('cli.usage', `Đặt mật khẩu cần --password-stdin.\n${USAGE}`, 2);
    if (sub === 'add' && !needsPassword && typeof entraUpn !== 'string') {
      throw new CliError('cli.usage', `Tài khoản cần mật khẩu (--password-stdin) hoặc tài khoản Microsoft (--entra-upn).\n${USAGE}`, 2);
    }
    const hash = needsPassword ? await readPassword(io.stdin, username) : null;
    const mustChange = flags.has('--must-change');
    if (sub === 'passwd') {
      return inTransaction(async (trx) => {
        unwrap(await setPassword(trx, await userId(trx, username), hash as string, { mustChange }, io.actor));
        return `Đã đặt mật khẩu mới cho "${username}".`;
      });
    }
    const displayName = flags.get('--display-name');
    const entraOid = flags.get('--entra-oid');
    return inTransaction(async (trx) => {
      const user = unwrap(
        await createUser(
          trx,
          {
            username,
            displayName: typeof displayName === 'string' ? displayName : undefined,
            passwordHash: hash,
            mustChangePassword: mustChange,
            entraUpn: typeof entraUpn === 'string' ? entraUpn : null,
            entraOid: typeof entraOid === 'string' ? entraOid : null,
          },
          io.actor,
        ),
      );
      return `Đã tạo người dùng "${user.username}".`;
    });
  }
  if (cmd === 'user' && (sub === 'disable' || sub === 'enable')) {
    arity(1);
    const username = rest[0];
    return inTransaction(async (trx) => {
      const { changed } = unwrap(await setUserDisabled(trx, await userId(trx, username), sub === 'disable', io.actor));
      if (!changed) return `"${username}" đã ${sub === 'disable' ? 'bị khoá' : 'đang hoạt động'}; không thay đổi.`;
      return sub === 'disable' ? `Đã khoá tài khoản "${username}"; mọi phiên đăng nhập của tài khoản đã hết hiệu lực.` : `Đã mở khoá tài khoản "${username}".`;
    });
  }
  if (cmd === 'grant' || cmd === 'revoke') {
    // "grant <user> <role> [unit]": sub is the user name here.
    if (!sub || rest.length < 1 || rest.length > 2) throw new CliError('cli.usage', `Sai số tham số cho "${cmd}".\n${USAGE}`, 2);
    const [role, unit] = rest;
    return inTransaction(async (trx) => {
      const id = await userId(trx, sub);
      if (cmd === 'grant') {
        const { changed } = unwrap(await grant(trx, id, role, unit ?? null, io.actor));
        return changed ? `Đã cấp vai trò ${role}${unit ? ` tại ${unit}` : ' toàn tỉnh'} cho "${sub}".` : `"${sub}" đã có vai trò này; không thay đổi.`;
      }
      unwrap(await revoke(trx, id, role, unit ?? null, io.actor));
      return `Đã thu hồi vai trò ${role}${unit ? ` tại ${unit}` : ' toàn tỉnh'} của "${sub}".`;
    });
  }
  if (cmd === 'users' && sub === undefined) {
    for (const u of await listUsersWithRoles(db.kysely)) {
      const roles = u.grants.map((g) => (g.unitId ? `${g.role}@${g.unitId}` : g.role)).join(', ') || '(chưa có vai trò)';
      const flagsText = [u.disabled ? 'đã khoá' : '', u.mustChangePassword ? 'phải đổi mật khẩu' : '', u.entraUpn ? `Microsoft: ${u.entraUpn}` : ''].filter(Boolean).join('; ');
      io.out(`${u.username}\t${u.displayName}\t${roles}${flagsText ? `\t[${flagsText}]` : ''}`);
    }
    return;
  }
  if (isAssignmentCommand(cmd, sub)) {
    const reason = flags.get('--reason');
    return runAssignmentCommand(cmd, positional.slice(1), {
      db: db.kysely, actor: io.actor, reason: typeof reason === 'string' ? reason : undefined, out: io.out, inTransaction,
      fail: (code, message, exitCode) => {
        throw new CliError(code, message, exitCode);
      },
    });
  }
  throw new CliError('cli.usage', `Lệnh không hợp lệ: ${positional.join(' ') || '(trống)'}.\n${USAGE}`, 2);
}

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) throw new CliError('cli.usage', 'Hãy chuyển mật khẩu qua đầu vào chuẩn, ví dụ: printf "%s" "$MAT_KHAU" | npm run admin -- user add …', 2);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function main(): Promise<number> {
  let db: Db | null = null;
  try {
    const argv = process.argv.slice(2);
    if (argv.length === 0 || argv[0] === '--help' || argv[0] === 'help') {
      process.stdout.write(`${USAGE}\n`);
      return argv.length === 0 ? 2 : 0;
    }
    parseArgs(argv); // usage errors before touching the database
    db = connectFromConfig(loadConfig());
    await migrateToLatest(db);
    await runCommand(db, argv, { out: (l) => process.stdout.write(`${l}\n`), stdin: readStdin, actor: `cli:${userInfo().username}` });
    return 0;
  } catch (err) {
    if (err instanceof CliError) {
      process.stderr.write(`Lỗi [${err.code}]: ${err.message}\n`);
      return err.exitCode;
    }
    process.stderr.write(`Lỗi [internal]: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  } finally {
    await db?.close();
  }
}

if (require.main === module || process.argv[1]?.endsWith('admin-cli.ts')) {
  void main().then((code) => {
    process.exitCode = code;
  });
}
