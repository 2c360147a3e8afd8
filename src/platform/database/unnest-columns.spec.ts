import { unnestColumns } from './unnest-columns.js';

describe('unnestColumns', () => {
  it('turns rows into one array per column, rows kept in order', () => {
    const rows = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ];
    expect(
      unnestColumns(
        rows,
        (row) => row.id,
        (row) => row.n * 10,
      ),
    ).toEqual([
      ['a', 'b'],
      [10, 20],
    ]);
  });

  it('gives empty columns for no rows', () => {
    expect(
      unnestColumns(
        [],
        () => 1,
        () => 2,
      ),
    ).toEqual([[], []]);
  });
});
