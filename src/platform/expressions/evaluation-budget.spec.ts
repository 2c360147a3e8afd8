import { jest } from '@jest/globals';
import { EvaluationBudget, recentProcessCpuMs } from './evaluation-budget.js';
import { ExpressionError } from './expression-error.js';

const limits = { timeoutMs: 100, maxResultBytes: 1024, maxSequenceLength: 100 };

describe('EvaluationBudget time', () => {
  let now = 0;
  let cpu = 0;
  beforeEach(() => {
    now = 1_000_000;
    cpu = 5_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('does not stop a call whose process was not scheduled: late by the clock, not by CPU', () => {
    const budget = new EvaluationBudget(limits, now, () => cpu, cpu);
    now += 400; // descheduled by a busy host
    cpu += 3;
    expect(() => budget.checkTime()).not.toThrow();
    now += 60;
    cpu += 60;
    expect(() => budget.checkTime()).not.toThrow();
  });

  it('stops a call that used its allowance in CPU as well', () => {
    const budget = new EvaluationBudget(limits, now, () => cpu, cpu);
    now += 101;
    cpu += 101;
    expect(() => budget.checkTime()).toThrow(ExpressionError);
    expect(() => budget.checkTime()).toThrow('exceeded the 100 ms evaluation limit');
  });

  it('stops a runaway call once its CPU catches up after a descheduled stretch', () => {
    const budget = new EvaluationBudget(limits, now, () => cpu, cpu);
    now += 300;
    cpu += 20;
    budget.checkTime();
    now += 79;
    cpu += 79;
    expect(() => budget.checkTime()).not.toThrow();
    now += 2;
    cpu += 2;
    expect(() => budget.checkTime()).toThrow(ExpressionError);
  });

  it('does not count the turns a call is parked to let the event loop breathe', async () => {
    await new Promise(setImmediate); // the loop came round: a new stretch of evaluation work
    const budget = new EvaluationBudget(limits, now, () => cpu, cpu);
    expect(budget.checkpoint()).toBeUndefined();
    now += 11;
    cpu += 11;
    const parked = budget.checkpoint();
    expect(parked).toBeInstanceOf(Promise);
    now += 500; // other jobs ran meanwhile, in this process
    cpu += 500;
    await parked;
    now += 80;
    cpu += 80;
    expect(() => budget.checkTime()).not.toThrow();
    now += 10;
    cpu += 10;
    expect(() => budget.checkTime()).toThrow(ExpressionError);
  });

  it('shares one slice of the event loop among all evaluations, except short ones', async () => {
    await new Promise(setImmediate);
    const first = new EvaluationBudget(limits, now, () => cpu, cpu);
    const second = new EvaluationBudget(limits, now, () => cpu, cpu);
    for (let step = 0; step < 201; step++) expect(second.checkpoint()).toBeUndefined();
    for (let step = 0; step < 201; step++) expect(first.checkpoint()).toBeUndefined();
    now += 10;
    cpu += 10;
    // The stretch of evaluation work is 10 ms old: an ordinary template, a few steps long, still runs…
    const short = new EvaluationBudget(limits, now, () => cpu, cpu);
    for (let step = 0; step < 20; step++) expect(short.checkpoint()).toBeUndefined();
    // …but does not start work that cannot be interrupted, and longer evaluations park.
    const heavy = short.checkpointBeforeHeavyWork();
    const parkedSecond = second.checkpoint();
    const parkedFirst = first.checkpoint();
    expect(heavy).toBeInstanceOf(Promise);
    expect(parkedSecond).toBeInstanceOf(Promise);
    expect(parkedFirst).toBeInstanceOf(Promise);
    await Promise.all([parkedFirst, parkedSecond, heavy]);
    expect(second.checkpoint()).toBeUndefined();
  });
});

describe('recentProcessCpuMs', () => {
  afterEach(() => jest.restoreAllMocks());

  it('asks the system at most once per 5 ms, and never for a time later than the process has used', () => {
    const usage = jest.spyOn(process, 'cpuUsage');
    const at = 2_000_000;
    const first = recentProcessCpuMs(at);
    expect(recentProcessCpuMs(at + 5)).toBe(first);
    expect(usage).toHaveBeenCalledTimes(1);
    const later = recentProcessCpuMs(at + 6);
    expect(usage).toHaveBeenCalledTimes(2);
    usage.mockRestore();
    const { user, system } = process.cpuUsage();
    expect(later).toBeGreaterThanOrEqual(first);
    expect(later).toBeLessThanOrEqual((user + system) / 1000);
  });
});
