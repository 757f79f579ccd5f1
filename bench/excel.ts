// npm run bench:excel – context.sync calls and time per Excel action (insert, check, and the whole
// "Gửi báo cáo" click: check, read, id stamp, outbox, send) at 51 and 500 rows, on the fake Excel
// host with a simulated 100 ms round trip per sync (as on Excel on the web); the server's answer to
// the send is one more simulated 100 ms round trip (bench:server measures the server itself).
// "submit (3 runs)" replays the sequence the click ran before (check, read, stamp) for comparison. The 500-row sheet uses a SYNTHETIC catalogue: the real 51 indicators repeated
// with distinct ids – a load test, not plan data. Lives outside src/: never in the taskpane bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Catalogue } from '../src/core/catalogue-types';
import { buildTemplateSpec } from '../src/core/template';
import type { SubmissionResponse } from '../src/core/schemas';
import { Outbox } from '../src/client/outbox';
import { excelReports } from '../src/office/excel';
import { submitReport } from '../src/taskpane/views/clerk/clerk-actions';
import { FakeExcelHost, typeInto } from '../tests/support/fake-excel';
import { syntheticCatalogue } from '../tests/support/synthetic-catalogue';

const ROUND_TRIP_MS = 100;
const real = JSON.parse(readFileSync(join(__dirname, '..', 'seeds', 'nghe-an-1174-2026.json'), 'utf8')) as Catalogue;
const skhcn = real.units.find((u) => u.id === 'so-khcn')!;

/** A value for every input a clerk fills, so that Kiểm tra and the reader have the full load. */
const TYPED: Record<string, string> = { value: '70%', numerator: '45', denominator: '1.200', note: 'ghi chú' };

async function measure(host: FakeExcelHost, action: () => Promise<{ ok: boolean }>, network = 0): Promise<{ syncs: number; ms: number; network: number }> {
  host.resetCounts();
  const start = performance.now();
  const r = await action();
  if (!r.ok) throw new Error(`bench: action failed: ${JSON.stringify(r)}`);
  return { syncs: host.syncCount, ms: Math.round(performance.now() - start), network };
}

/** The server's answer after one simulated round trip (the figures here are Excel's, not the server's). */
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const storage = (): Pick<Storage, 'getItem' | 'setItem'> => {
  const data = new Map<string, string>();
  return { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
};

/** The whole click as the taskpane runs it (clerk-actions.submitReport), answered by a simulated server. */
async function click(catalogue: Catalogue, sheetName: string): Promise<{ ok: boolean }> {
  let n = 0;
  const sender = async (): Promise<SubmissionResponse> => {
    await sleep(ROUND_TRIP_MS);
    return { id: 'bench', revision: 1, status: 'submitted' } as unknown as SubmissionResponse;
  };
  const r = await submitReport({
    excel: excelReports, plan: { catalogue, units: [], periods: [], plans: [] }, outbox: new Outbox({ storage: storage(), key: 'bench' }), sender,
    newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  }, sheetName);
  return { ok: r.kind === 'sent' };
}

async function bench(rows: number): Promise<string[]> {
  const catalogue = rows === real.indicators.length ? real : syntheticCatalogue(real, rows);
  const spec = buildTemplateSpec(catalogue, {
    kind: 'indicators', unit: skhcn, period: '2026-Q1', directory: { units: real.units, classes: real.unitClasses },
    assignedIds: new Set(catalogue.indicators.map((i) => i.id)),
  });
  if (!spec.ok) throw new Error('bench: spec');
  const host = new FakeExcelHost({ latencyMs: ROUND_TRIP_MS });
  host.book.create('Sheet1');
  const uninstall = host.install();
  try {
    const insert = await measure(host, () => excelReports.insertTemplate(spec.value));
    for (const row of spec.value.rows) {
      if (row.kind !== 'item') continue;
      for (const input of row.inputs) {
        const text = input.list ? input.list[0] : TYPED[input.key];
        if (text) typeInto(host, spec.value.sheetName, `${String.fromCharCode(65 + input.col)}${row.row + 1}`, text);
      }
    }
    const check = await measure(host, () => excelReports.checkSheet(spec.value.sheetName, catalogue));
    const name = spec.value.sheetName;
    const before = await measure(host, async () => {
      const c = await excelReports.checkSheet(name, catalogue);
      const r = await excelReports.readForSubmit(name);
      const s = await excelReports.setClientSubmissionId(name, '00000000-0000-4000-8000-000000000000');
      return { ok: c.ok && r.ok && s.ok };
    });
    const submit = await measure(host, () => click(catalogue, name), ROUND_TRIP_MS);
    const label = rows === real.indicators.length ? `${rows} (real catalogue)` : `${rows} (synthetic)`;
    return [['insert', insert], ['check', check], ['submit (3 runs)', before], ['submit click', submit]].map(([action, m]) => {
      const { syncs, ms, network } = m as { syncs: number; ms: number; network: number };
      return `${String(action).padEnd(16)} ${label.padEnd(20)} ${String(syncs).padStart(5)} ${String(ms).padStart(8)} ${String(ms - syncs * ROUND_TRIP_MS - network).padStart(8)}`;
    });
  } finally {
    uninstall();
  }
}

async function main(): Promise<void> {
  console.log(`Excel actions on the fake host, ${ROUND_TRIP_MS} ms simulated round trip per context.sync`);
  console.log('(500 rows: the 51 real indicators repeated with distinct ids in a synthetic catalogue copy)\n');
  console.log('(submit (3 runs): check, read, stamp as three Excel actions, Excel only; submit click: the whole click incl. one simulated server round trip)\n');
  console.log(`${'action'.padEnd(16)} ${'rows'.padEnd(20)} ${'syncs'.padStart(5)} ${'ms'.padStart(8)} ${'ms - rtt'.padStart(8)}`);
  for (const n of [51, 500]) for (const line of await bench(n)) console.log(line);
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
