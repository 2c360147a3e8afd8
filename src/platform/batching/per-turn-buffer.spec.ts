import { PerTurnBuffer } from './per-turn-buffer.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('PerTurnBuffer', () => {
  it('hands over everything one turn produced, by key, once at the end of the turn', async () => {
    const flushed: Map<string, { count: number }>[] = [];
    const buffer = new PerTurnBuffer<string, { count: number }>(
      () => ({ count: 0 }),
      (pending) => flushed.push(new Map(pending)),
    );
    buffer.entry('a').count++;
    buffer.entry('a').count++;
    buffer.entry('b').count += 5;
    expect(flushed).toEqual([]);

    await nextTurn();
    expect(flushed).toEqual([
      new Map([
        ['a', { count: 2 }],
        ['b', { count: 5 }],
      ]),
    ]);
  });

  it('starts afresh in the next turn, and flushes nothing for a turn without entries', async () => {
    const flushed: number[] = [];
    const buffer = new PerTurnBuffer<string, { count: number }>(
      () => ({ count: 0 }),
      (pending) => flushed.push(pending.get('a')?.count ?? 0),
    );
    buffer.entry('a').count++;
    await nextTurn();
    await nextTurn();
    buffer.entry('a').count += 3;
    await nextTurn();
    expect(flushed).toEqual([1, 3]);
  });
});
