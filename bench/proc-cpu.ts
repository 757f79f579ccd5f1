// CPU time a process has used, read from Linux's /proc – the benchmarks' measure of work done, which
// the machine's other load disturbs less than the wall clock. Undefined where /proc is missing.
import fs from 'node:fs';

/** user + system time from a /proc stat file, in ms (clock ticks of USER_HZ 100). */
function statMs(file: string): number | undefined {
  try {
    const fields = fs.readFileSync(file, 'utf8').replace(/^.*\) /s, '').split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return undefined;
  }
}

/** All the process's threads. */
export const processCpuMs = (pid: number | undefined): number | undefined => statMs(`/proc/${pid}/stat`);

/** Its JavaScript thread alone (the rest: SQLite's checkpoint thread, V8's collector helpers, libuv's pool). */
export const mainThreadCpuMs = (pid: number | undefined): number | undefined => statMs(`/proc/${pid}/task/${pid}/stat`);
