// turns.ts: long pieces of work one after another, each from a new turn of the event loop, so that
// what arrives while one runs (a health probe, a clerk's report) is answered before the next.
import { Turns } from '../../src/server/turns';

describe('Turns', () => {
  it('lets what arrived during one piece of work run before the next piece starts', async () => {
    const turns = new Turns();
    const events: string[] = [];
    const first = turns.run(() => {
      setImmediate(() => events.push('arrived meanwhile')); // input that came in while the first piece ran
      events.push('first');
    });
    const second = turns.run(() => events.push('second'));
    await Promise.all([first, second]);
    expect(events).toEqual(['first', 'arrived meanwhile', 'second']);
  });

  it('runs them in the order given, one at a time, even when an earlier one waits', async () => {
    const turns = new Turns();
    const events: string[] = [];
    let running = 0;
    const work = (name: string, ms: number) => async () => {
      running++;
      expect(running).toBe(1);
      await new Promise((resolve) => setTimeout(resolve, ms));
      events.push(name);
      running--;
      return name;
    };
    expect(await Promise.all([turns.run(work('a', 30)), turns.run(work('b', 1)), turns.run(work('c', 10))])).toEqual(['a', 'b', 'c']);
    expect(events).toEqual(['a', 'b', 'c']);
  });

  it('gives a failure to its own caller and goes on with the next', async () => {
    const turns = new Turns();
    const failing = turns.run(async () => {
      throw new Error('boom');
    });
    const next = turns.run(() => 'still runs');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('still runs');
    await expect(turns.run(() => { throw new Error('sync'); })).rejects.toThrow('sync');
    await expect(turns.run(() => 42)).resolves.toBe(42);
  });
});
