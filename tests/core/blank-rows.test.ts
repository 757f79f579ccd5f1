// Which read-back rows count as still empty: nothing entered in the row's input cells; a note alone
// or a zero is an entry for the reader, not an empty row.
import { blankRowIds } from '../../src/core/template';

describe('blankRowIds', () => {
  it.each([
    [{ id: 'a', value: null }, true],
    [{ id: 'a', value: '  ' }, true],
    [{ id: 'a' }, true],
    [{ id: 'a', value: 0 }, false],
    [{ id: 'a', value: 'Có' }, false],
    [{ id: 'a', numerator: 45, denominator: null }, false],
    [{ id: 'a', value: null, numerator: '', denominator: '' }, true],
  ])('indicator row %j empty: %s', (row, empty) => {
    expect(blankRowIds({ kind: 'indicators', rows: [row as never] })).toEqual(empty ? ['a'] : []);
  });

  it.each([
    [{ id: 't', status: '' }, true],
    [{ id: 't', status: ' ', progress: null, result: null }, true],
    [{ id: 't', status: 'Hoàn thành' }, false],
    [{ id: 't', status: '', result: 'Đã khai trương' }, false],
    [{ id: 't', status: '', progress: 0 }, false],
  ])('task row %j empty: %s', (row, empty) => {
    expect(blankRowIds({ kind: 'tasks', rows: [row as never] })).toEqual(empty ? ['t'] : []);
  });
});
