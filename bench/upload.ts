// `npm run bench:upload`: the worst .xlsx upload we can build against the server as a child process
// on loopback (SQLite). A real template whose report sheet is replaced by millions of small cells:
// a few MB on the wire, as much sheet XML as the unpacked-size guard lets through. Prints, for one
// upload and for four at once: the time until each answer, the server's peak memory (VmHWM) and
// growth, and how many /api/health requests were answered meanwhile and how slowly.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { prepareTarget, signIn, startServer, type ChildServer } from './child-server';

const UNIT = 'so-khcn';
const PLAN = 'nghe-an-1174-2026';
/** The hostile files: as much sheet XML as a guard lets through, in the shape that costs most to parse. */
const VARIANTS = [
  { name: '48 MB of number cells (under the 50 MB guard of the first version)', bytes: 48 * 1024 * 1024, elements: Infinity, cell: (ref: string, c: number) => `<c r="${ref}"><v>${c}</v></c>` },
  { name: 'empty cells up to the element guard (57 000 elements in the sheet)', bytes: 3.9 * 1024 * 1024, elements: 57_000, cell: (ref: string) => `<c r="${ref}" s="1"/>` },
  { name: 'number cells up to the element guard (57 000 elements in the sheet)', bytes: 3.9 * 1024 * 1024, elements: 57_000, cell: (ref: string, c: number) => `<c r="${ref}"><v>${c}</v></c>` },
] as const;
type Variant = (typeof VARIANTS)[number];

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Peak and current resident memory of a process, from /proc (Linux). */
function memoryOf(pid: number): { peak: number; now: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) * 1024;
  return { peak: kb('VmHWM'), now: kb('VmRSS') };
}

/** Resets the peak so each round measures its own (Linux 4.0+: write 5 to clear_refs). */
function resetPeak(pid: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
  } catch {
    /* not permitted: the peak then covers the whole run */
  }
}

async function hostileFile(template: Buffer, variant: Variant): Promise<Buffer> {
  const zip = await JSZip.loadAsync(template);
  // The report sheet is the first worksheet (the mapping sheet comes after it).
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)).sort();
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  let size = parts[0].length;
  let elements = 0;
  const cols = 200;
  const letters = (n: number) => {
    let s = '';
    for (n += 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  };
  const count = (xml: string) => xml.split('<').length - 1;
  for (let r = 1; ; r++) {
    let row = `<row r="${r}">`;
    for (let c = 0; c < cols; c++) row += variant.cell(`${letters(c)}${r}`, c);
    row += '</row>';
    if (size + row.length > variant.bytes || elements + count(row) > variant.elements - 200) break;
    parts.push(row);
    size += row.length;
    elements += count(row);
  }
  parts.push('</sheetData></worksheet>');
  zip.file(sheets[0], parts.join(''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
}

async function upload(server: ChildServer, token: string, file: Buffer): Promise<{ status: number; ms: number; body: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'bao-cao.xlsx');
  const started = performance.now();
  const res = await fetch(`${server.url}/api/imports?dryRun=true`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  const body = await res.text();
  return { status: res.status, ms: performance.now() - started, body: body.slice(0, 160) };
}

/** Polls /api/health every 20 ms while `work` runs: how many answered, and the slowest. */
async function whileServing<T>(server: ChildServer, work: () => Promise<T>): Promise<{ result: T; answered: number; slowest: number; seconds: number }> {
  let done = false;
  let answered = 0;
  let slowest = 0;
  const started = performance.now();
  const poller = (async () => {
    while (!done) {
      const t = performance.now();
      try {
        if ((await fetch(`${server.url}/api/health`)).ok) answered++;
      } catch {
        /* counted as not answered */
      }
      slowest = Math.max(slowest, performance.now() - t);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const result = await work();
  done = true;
  await poller;
  return { result, answered, slowest, seconds: (performance.now() - started) / 1000 };
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-upload-'));
  const target = { kind: 'sqlite' as const, dataDir };
  await prepareTarget(target);
  const server = await startServer(target, Number(process.env.BENCH_PORT) || undefined);
  try {
    const token = await signIn(server.url);
    const res = await fetch(`${server.url}/api/templates/indicators.xlsx?planId=${PLAN}&unitId=${UNIT}&period=2026-Q1`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`template: ${res.status} ${await res.text()}`);
    const template = Buffer.from(await res.arrayBuffer());
    const pid = server.process.pid!;
    const normal = await upload(server, token, template);
    console.log(`a real template (${(template.length / 1024).toFixed(0)} KB): ${normal.status} in ${normal.ms.toFixed(0)} ms; server at ${mb(memoryOf(pid).now)}`);
    for (const variant of VARIANTS) {
    const file = await hostileFile(template, variant);
    let unpacked = 0;
    for (const e of Object.values((await JSZip.loadAsync(file)).files)) if (!e.dir) unpacked += (await e.async('nodebuffer')).length;
    console.log(`\n${variant.name}: ${mb(file.length)} on the wire, ${mb(unpacked)} unpacked`);
    for (const parallel of [1, 4]) {
      resetPeak(pid);
      const before = memoryOf(pid).now;
      const round = await whileServing(server, () => Promise.all(Array.from({ length: parallel }, () => upload(server, token, file))));
      const mem = memoryOf(pid);
      const times = round.result.map((r) => r.ms).sort((a, b) => a - b);
      console.log(
        `${parallel} hostile upload(s) at once: answers ${round.result.map((r) => r.status).join(', ')} after ${times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; ` +
          `peak memory ${mb(mem.peak)} (from ${mb(before)}); /api/health answered ${round.answered} times in ${round.seconds.toFixed(1)} s, slowest ${round.slowest.toFixed(0)} ms`,
      );
      console.log(`  first answer: ${round.result[0].body}`);
    }
    }
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
