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

/** Each thread's CPU ms by thread id (Node leaves every thread named "node", so the id is what tells them apart; the JavaScript thread's id is the pid). */
export function threadCpuMs(pid: number | undefined): Map<string, number> {
  const byId = new Map<string, number>();
  let tasks: string[];
  try {
    tasks = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return byId;
  }
  for (const tid of tasks) {
    const ms = statMs(`/proc/${pid}/task/${tid}/stat`);
    if (ms !== undefined) byId.set(tid, ms); // undefined: the thread ended between the listing and the read
  }
  return byId;
}
