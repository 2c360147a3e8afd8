import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

import jsonata from 'jsonata';

import { originalBuiltin } from '../expressions/builtin-originals.js';
import { assignStepHooks } from './jsonata-step-hooks.js';

/**
 * Canary: the template evaluator (platform/expressions) relies on JSONata internals that are not its
 * public API. `jsonata` is pinned to an exact version in package.json; if an upgrade changes any of
 * these, this spec fails and the budget, the RE2 engine or the bounded built-ins must be checked again.
 */
describe('the JSONata internals the evaluator relies on', () => {
  const ignoreStep = () => undefined;

  it('is the pinned version', () => {
    const manifest = createRequire(import.meta.url).resolve('jsonata/package.json');
    expect((JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version).toBe('2.2.2');
  });

  it('calls the entry hook before every step, awaiting what it returns, and the exit hook with each result', async () => {
    const program = jsonata('a.b + 1');
    const entered: string[] = [];
    const exited: unknown[] = [];
    let parked = 0;
    assignStepHooks(
      program,
      (step) => {
        entered.push((step as { type: string }).type);
        return new Promise<void>((resolve) =>
          setImmediate(() => {
            parked++;
            resolve();
          }),
        );
      },
      (_step, _input, _environment, result) => {
        exited.push(result);
      },
    );
    expect(await program.evaluate({ a: { b: 41 } })).toBe(42);
    expect(entered).toEqual(['binary', 'path', 'name', 'name', 'number']);
    expect(parked).toBe(entered.length);
    expect(exited).toContain(41);
    expect(exited.at(-1)).toBe(42);
  });

  it('passes the stepped-into node itself, the one ast() returns, to the hooks', async () => {
    const program = jsonata('x & "!"');
    const seen = new Set<unknown>();
    assignStepHooks(program, ignoreStep, (step) => {
      seen.add(step);
    });
    await program.evaluate({ x: 'hi' });
    const ast = program.ast() as { lhs?: unknown; rhs?: unknown };
    expect(seen.has(ast.lhs)).toBe(true);
    expect(seen.has(ast.rhs)).toBe(true);
  });

  it('finds the step hooks and bindings through the environment a built-in is called with', async () => {
    const program = jsonata('$probe()');
    program.assign('marker', 'found');
    program.registerFunction('probe', function (this: jsonata.Focus) {
      const focus = this as jsonata.Focus & { createSequence?: unknown };
      return [focus.environment.lookup('marker'), typeof focus.createSequence];
    });
    expect(await program.evaluate({}, { extra: 1 })).toEqual(['found', 'function']);
  });

  it('reads options.RegexEngine when an evaluation starts, for every regex literal it evaluates', async () => {
    const options: jsonata.JsonataOptions = {};
    const program = jsonata('$match("abc", /b/)', options);
    const used: string[] = [];
    const engine = (name: string) =>
      function (regex: RegExp) {
        used.push(`${name}:${regex.source}:${regex.flags}`);
        return new RegExp(regex.source, regex.flags);
      } as unknown as RegExpConstructor;
    options.RegexEngine = engine('first');
    const first = program.evaluate({});
    options.RegexEngine = engine('second');
    const second = program.evaluate({});
    expect(await first).toMatchObject({ match: 'b', index: 1 });
    expect(await second).toMatchObject({ match: 'b', index: 1 });
    expect(used).toEqual(['first:b:g', 'second:b:g']);
  });

  it('drives the regex engine through lastIndex and exec, one call per match', async () => {
    const calls: number[] = [];
    const options = {
      RegexEngine: function (regex: RegExp) {
        const native = new RegExp(regex.source, regex.flags);
        return {
          get lastIndex() {
            return native.lastIndex;
          },
          set lastIndex(value: number) {
            calls.push(value);
            native.lastIndex = value;
          },
          exec: (subject: string) => native.exec(subject),
        };
      } as unknown as RegExpConstructor,
    };
    expect(await jsonata('$split("a,b,c", /,/)', options).evaluate({})).toEqual(['a', 'b', 'c']);
    expect(calls).toEqual([0, 2, 4]);
  });

  it('enforces the sequence and stack options', async () => {
    await expect(jsonata('[1..11]', { sequence: 10 }).evaluate({})).rejects.toMatchObject({ code: 'D2015' });
    await expect(
      jsonata('($f := function($n) { 1 + $f($n) }; $f(1))', { stack: 50 }).evaluate({}),
    ).rejects.toMatchObject({
      code: 'D1011',
    });
  });

  it('parses a regex literal into a node holding a RegExp with g added', () => {
    const ast = jsonata('$match(s, /a(b)/i)').ast() as { arguments?: { type: string; value: unknown }[] };
    const regex = ast.arguments?.[1];
    expect(regex?.type).toBe('regex');
    expect(regex?.value).toBeInstanceOf(RegExp);
    expect((regex?.value as RegExp).flags).toBe('gi');
  });

  it('hands function arguments to a built-in as callables', async () => {
    const program = jsonata('$probe(function($a, $b) { $a > $b })');
    program.registerFunction(
      'probe',
      async (compare: (a: unknown, b: unknown) => Promise<unknown>) => compare(2, 1),
      '<f:b>',
    );
    expect(await program.evaluate({})).toBe(true);
  });

  it.each(['replace', 'formatNumber', 'formatInteger', 'parseInteger', 'fromMillis', 'toMillis'])(
    'exposes the implementation of $%s for overrides to delegate to',
    async (name) => {
      expect(typeof (await originalBuiltin(name))).toBe('function');
    },
  );
});
