import { ExpressionError } from './expression-error.js';
import { TemplateEvaluator, type ExpressionContext } from './template-evaluator.js';

const SECRET = 'sk_live_SECRET_4242';

function makeContext(): ExpressionContext {
  return {
    trigger: {
      body: {
        entry: [{ id: 'entry-1', changes: [{ value: { text: 'hello' } }] }],
        amount: 150,
        ratio: 0.1,
        phone: 5511999999999,
        flags: { vip: true },
        tags: ['a', 'b'],
        secret: SECRET,
        nothing: null,
      },
      headers: { 'content-type': 'application/json' },
      query: {},
    },
    nodes: { n1: { output: { status: 200, data: { items: [1, 2, 3] } } } },
    contact: { id: 'c-1', fields: { tier: 'gold', name: 'Ada' } },
    execution: { id: 'exec-1' },
  };
}

const bindings = {
  execution: { wait1: { resume_url: 'https://flowhook.test/webhook/workflow/resume/webhook_x_wait1_abc' } },
};

async function renderError(
  evaluator: TemplateEvaluator,
  template: string,
  context = makeContext(),
): Promise<ExpressionError> {
  try {
    await evaluator.render(template, context, bindings);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw new Error(`expected an ExpressionError, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected ${template} to throw`);
}

describe('TemplateEvaluator', () => {
  const evaluator = new TemplateEvaluator();

  describe('single-expression templates yield the value itself', () => {
    it.each<[string, unknown]>([
      ['{{ trigger.body.amount }}', 150],
      ['{{ trigger.body.flags.vip }}', true],
      ['{{ trigger.body.nothing }}', null],
      ['{{ trigger.body.missing }}', undefined],
      ['{{ trigger.body.tags }}', ['a', 'b']],
      ['{{ trigger.body.flags }}', { vip: true }],
      ['{{ contact.fields.tier }}', 'gold'],
      ['  {{ trigger.body.amount > 100 }}\n', true],
      ['{{ {"id": trigger.body.entry[0].id, "n": $count(nodes.n1.output.data.items)} }}', { id: 'entry-1', n: 3 }],
      ['{{ nodes.n1.output.data.items.($ * 2) }}', [2, 4, 6]],
    ])('%s', async (template, expected) => {
      expect(await evaluator.render(template, makeContext(), bindings)).toEqual(expected);
    });

    it('returns data detached from the context', async () => {
      const context = makeContext();
      const flags = (await evaluator.render('{{ trigger.body.flags }}', context)) as Record<string, unknown>;
      flags['vip'] = false;
      expect(await evaluator.render('{{ trigger.body.flags.vip }}', context)).toBe(true);
    });
  });

  describe('paths and bindings', () => {
    it.each<[string, unknown]>([
      ['{{ trigger.body.entry[0].id }}', 'entry-1'],
      ['{{ trigger.body.entry[0].changes[0].value.text }}', 'hello'],
      ['{{ nodes.n1.output.status }}', 200],
      ['{{ contact.fields.tier }}', 'gold'],
      ['{{ execution.id }}', 'exec-1'],
      ['{{ $execution.wait1.resume_url }}', bindings.execution.wait1.resume_url],
      ['{{ trigger.headers."content-type" }}', 'application/json'],
      ['{{ nodes.unknown.output.status }}', undefined],
      ['{{ $execution.nope.resume_url }}', undefined],
    ])('%s', async (template, expected) => {
      expect(await evaluator.render(template, makeContext(), bindings)).toEqual(expected);
    });

    it('has no $execution when no bindings are passed', async () => {
      expect(await evaluator.render('{{ $execution.wait1.resume_url }}', makeContext())).toBeUndefined();
    });
  });

  describe('interpolation', () => {
    it('inserts each value into the text', async () => {
      expect(
        await evaluator.render(
          'Hi {{ contact.fields.name }}, {{ trigger.body.amount }} due; vip={{ trigger.body.flags.vip }}; resume {{ $execution.wait1.resume_url }}',
          makeContext(),
          bindings,
        ),
      ).toBe(`Hi Ada, 150 due; vip=true; resume ${bindings.execution.wait1.resume_url}`);
    });

    it('writes objects and arrays as JSON, undefined and null as nothing', async () => {
      expect(
        await evaluator.render(
          'o={{ trigger.body.flags }} a={{ trigger.body.tags }} u=[{{ trigger.body.missing }}] n=[{{ trigger.body.nothing }}]',
          makeContext(),
        ),
      ).toBe('o={"vip":true} a=["a","b"] u=[] n=[]');
    });

    it('writes numbers like JSONata $string, keeping integers exact', async () => {
      expect(await evaluator.render('{{ trigger.body.ratio + 0.2 }}|{{ trigger.body.phone }}', makeContext())).toBe(
        '0.3|5511999999999',
      );
    });

    it('returns strings without {{ unchanged', async () => {
      const template = 'plain text with }} and { braces }';
      expect(await evaluator.render(template, makeContext())).toBe(template);
    });

    it('handles object constructors and "}}" inside expressions', async () => {
      expect(await evaluator.render('x{{ {"a": {"b": 1}} }}y', makeContext())).toBe('x{"a":{"b":1}}y');
      expect(await evaluator.render('{{ "}}" }}', makeContext())).toBe('}}');
    });

    it('applies encode to inserted values only, and not to single-expression values', async () => {
      const context = makeContext();
      const encode = encodeURIComponent;
      expect(
        await evaluator.render('https://x.test/p/{{ "a b/c" }}?q={{ "&=" }}', context, undefined, { encode }),
      ).toBe('https://x.test/p/a%20b%2Fc?q=%26%3D');
      expect(await evaluator.render('{{ "a b" }}', context, undefined, { encode })).toBe('a b');
    });

    it('renderToString writes non-string values as text', async () => {
      expect(await evaluator.renderToString('{{ trigger.body.amount }}', makeContext())).toBe('150');
      expect(await evaluator.renderToString('{{ trigger.body.flags }}', makeContext())).toBe('{"vip":true}');
      expect(await evaluator.renderToString('{{ trigger.body.missing }}', makeContext())).toBe('');
    });
  });

  describe('sandbox', () => {
    // Each attempt must give nothing (undefined/empty) or an ExpressionError: never a host object.
    it.each([
      '{{ $process }}',
      '{{ process }}',
      '{{ process.env }}',
      '{{ $process.env }}',
      '{{ $globalThis }}',
      '{{ globalThis.process }}',
      '{{ $require("child_process") }}',
      '{{ require("fs") }}',
      '{{ constructor }}',
      '{{ __proto__ }}',
      '{{ trigger.__proto__ }}',
      '{{ trigger.constructor }}',
      '{{ trigger.body.constructor.name }}',
      '{{ trigger.constructor.constructor("return process")() }}',
      '{{ trigger.body.tags.constructor.constructor("return this")() }}',
      '{{ $string.constructor("return process")() }}',
      '{{ $lookup(trigger, "constructor") }}',
      '{{ $lookup(trigger, "__proto__") }}',
      '{{ $string(trigger.constructor) }}',
      '{{ $pad.implementation }}',
      '{{ $spread($pad).implementation }}',
      '{{ ($f := function($x){ $x }; $f.environment) }}',
      '{{ ($f := function($x){ $x }; $f.**.environment) }}',
      '{{ ($f := function($x){ $x }; $lookup($f, "environment")) }}',
      '{{ $lookup($, "flowhook budget") }}',
      '{{ $pad }}',
      '{{ function($x){ $x } }}',
      '{{ [$pad, function($x){ $x }] }}',
      'x{{ $pad }}{{ function($x){ $x } }}y',
    ])('%s', async (template) => {
      let result: unknown;
      try {
        result = await evaluator.render(template, makeContext(), bindings);
      } catch (error) {
        expect(error).toBeInstanceOf(ExpressionError);
        return;
      }
      if (typeof result === 'string') expect(['', 'xy']).toContain(result);
      else if (Array.isArray(result)) expect(result).toEqual([null, null]);
      else expect(result).toBeUndefined();
    });

    it('refuses $eval, so data can never become code', async () => {
      const context = makeContext();
      const error = await renderError(evaluator, '{{ $eval("1 + 1") }}', context);
      expect(error.message).toMatch(/\$eval is not available/);
      await expect(evaluator.render('{{ $eval(trigger.body.secret) }}', context)).rejects.toBeInstanceOf(
        ExpressionError,
      );
    });

    it('does not let a "__proto__" key reach any prototype', async () => {
      const result = (await evaluator.render('{{ {"__proto__": {"polluted": true}} }}', makeContext())) as object;
      await evaluator.render('{{ $merge([{}, {"__proto__": {"polluted": true}}]) }}', makeContext());
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
      expect((result as Record<string, unknown>)['polluted']).toBeUndefined();
    });

    it('exposes only the context keys at the root', async () => {
      expect(await evaluator.render('{{ $keys($) }}', makeContext(), bindings)).toEqual([
        'trigger',
        'nodes',
        'contact',
        'execution',
      ]);
    });

    it('cannot name its own guard binding', async () => {
      // No JSONata variable name can contain the space of the binding's name, so it can be neither read nor rebound.
      expect((await renderError(evaluator, '{{ $`flowhook budget` }}')).reason).toBe('syntax');
      expect((await renderError(evaluator, '{{ ($`flowhook budget` := {}; 1) }}')).reason).toBe('syntax');
    });
  });

  describe('time and depth bounds', () => {
    const fast = new TemplateEvaluator({ timeoutMs: 20 });

    it('stops endless tail recursion by time', async () => {
      const error = await renderError(fast, '{{ ($f := function($x){ $f($x) }; $f(1)) }}');
      expect(error.reason).toBe('timeout');
      expect(error.message).toContain('{{ ($f := function($x){ $f($x) }; $f(1)) }}');
    });

    it('lets the event loop run during a long evaluation', async () => {
      let loopTurned = false;
      setImmediate(() => {
        loopTurned = true;
      });
      const slow = new TemplateEvaluator({ timeoutMs: 50 });
      await expect(slow.render('{{ ($f := function($x){ $f($x) }; $f(1)) }}', makeContext())).rejects.toMatchObject({
        reason: 'timeout',
      });
      expect(loopTurned).toBe(true);
    });

    it('stops deep recursion by depth', async () => {
      // A generous time limit, so that the depth limit is what stops it.
      const patient = new TemplateEvaluator({ timeoutMs: 10_000 });
      const error = await renderError(patient, '{{ ($f := function($x){ 1 + $f($x) }; $f(1)) }}');
      expect(error.reason).toBe('too_deep');
    });

    it('honours a smaller maxDepth', async () => {
      const shallow = new TemplateEvaluator({ maxDepth: 30 });
      const recurse = '{{ ($f := function($n){ $n = 0 ? 0 : 1 + $f($n - 1) }; $f(20)) }}';
      expect(await evaluator.render(recurse, makeContext())).toBe(20);
      expect((await renderError(shallow, recurse)).reason).toBe('too_deep');
    });

    it('stops a loop over a big range, by sequence size or by time', async () => {
      await expect(fast.render('{{ [1..10000000].($string($)) }}', makeContext())).rejects.toMatchObject({
        reason: 'too_large',
      });
      const roomy = new TemplateEvaluator({ timeoutMs: 20, maxSequenceLength: 10_000_000 });
      await expect(roomy.render('{{ $count([1..10000000].($string($))) }}', makeContext())).rejects.toMatchObject({
        reason: 'timeout',
      });
    });

    it('refuses a huge range before allocating it', async () => {
      const error = await renderError(evaluator, '{{ [1..100000000] }}');
      expect(error.reason).toBe('too_large');
      expect(['D2014', 'D2015']).toContain(error.jsonataCode);
      expect(error.message).toContain('100000000');
    });

    it('stops a recursive string builder', async () => {
      await expect(
        fast.render('{{ ($f := function($s){ $f($s & "x") }; $f("")) }}', makeContext()),
      ).rejects.toBeInstanceOf(ExpressionError);
      await expect(
        evaluator.render(
          '{{ ($f := function($s, $n){ $n = 0 ? $s : $f($s & $s, $n - 1) }; $length($f("x", 40))) }}',
          makeContext(),
        ),
      ).rejects.toMatchObject({ reason: 'too_large' });
    });

    it('stops endless higher-order loops', async () => {
      await expect(
        fast.render('{{ $reduce([1..100000], function($acc, $v){ $acc & $string($v) }, "") }}', makeContext()),
      ).rejects.toBeInstanceOf(ExpressionError);
    });
  });

  describe('size bounds', () => {
    it('refuses a single result over 1 MiB', async () => {
      expect((await renderError(evaluator, '{{ $pad("", 2000000, "x") }}')).reason).toBe('too_large');
    });

    it('refuses a $pad width that would exhaust memory, without running it', async () => {
      expect((await renderError(evaluator, '{{ $length($pad("", 500000000)) }}')).reason).toBe('too_large');
      expect((await renderError(evaluator, '{{ $length($pad("", -500000000, "ab")) }}')).reason).toBe('too_large');
    });

    it('keeps $pad behaving like the built-in within the limit', async () => {
      expect(
        await evaluator.render(
          '[{{ $pad("ab", 5) }}|{{ $pad("ab", -5, "#") }}|{{ $pad("ab", 7, "xy") }}|{{ $pad("abcdef", 3) }}]',
          makeContext(),
        ),
      ).toBe('[ab   |###ab|abxyxyx|abcdef]');
      expect(await evaluator.render('{{ $pad("é", 3, "😀") }}|{{ $pad("é", -4, "😀a") }}', makeContext())).toBe(
        'é😀😀|😀a😀é',
      );
    });

    it('counts every inserted value towards the limit', async () => {
      const small = new TemplateEvaluator({ maxResultBytes: 1000 });
      expect(await small.render('{{ $pad("", 600, "x") }}', makeContext())).toHaveLength(600);
      expect((await renderError(small, '{{ $pad("", 600, "x") }}{{ $pad("", 600, "y") }}')).reason).toBe('too_large');
    });

    it('measures objects by their JSON size and strings in UTF-8 bytes', async () => {
      const small = new TemplateEvaluator({ maxResultBytes: 100 });
      const context = { trigger: { body: { list: Array.from({ length: 50 }, (_, index) => index) } } };
      await expect(small.render('{{ trigger.body.list }}', context)).rejects.toMatchObject({ reason: 'too_large' });
      expect(await small.render('{{ $pad("", 100, "a") }}', context)).toHaveLength(100);
      await expect(small.render('{{ $pad("", 100, "é") }}', context)).rejects.toMatchObject({ reason: 'too_large' });
    });
  });

  describe('errors', () => {
    it('throws a syntax error naming the expression', async () => {
      const error = await renderError(evaluator, 'Hello {{ trigger.body. }}');
      expect(error.reason).toBe('syntax');
      expect(error.errorClass).toBe('expression_error');
      expect(error.message).toContain('{{ trigger.body. }}');
      expect(error.jsonataCode).toMatch(/^S0/);
    });

    it('throws for an unclosed {{ and an empty one', async () => {
      expect((await renderError(evaluator, 'Hi {{ contact.fields.name')).reason).toBe('syntax');
      expect((await renderError(evaluator, 'Hi {{ }}')).reason).toBe('syntax');
    });

    it('throws runtime errors without any context value in the message', async () => {
      for (const template of [
        '{{ $number(trigger.body.secret) }}',
        '{{ -trigger.body.secret }}',
        '{{ trigger.body.secret + 1 }}',
        '{{ $sqrt(-1 * trigger.body.amount) & trigger.body.secret }}',
        '{{ trigger.body.secret() }}',
        '{{ {trigger.body.secret: 1, trigger.body.secret: 2} }}',
        '{{ $toMillis(trigger.body.secret) }}',
      ]) {
        const error = await renderError(evaluator, template);
        expect(error.reason).toBe('runtime');
        expect(error.detail).not.toContain(SECRET);
        expect(error.message.replace(template.slice(3, -3).trim(), '')).not.toContain(SECRET);
      }
    });

    it('truncates the expression in the message', async () => {
      const error = await renderError(evaluator, `{{ trigger.body.${'a'.repeat(500)} + }}`);
      expect(error.message.length).toBeLessThan(400);
      expect(error.message).toContain('…');
    });

    it('passes $error messages through, as the author wrote them', async () => {
      expect((await renderError(evaluator, '{{ $error("amount missing") }}')).message).toContain('amount missing');
    });
  });

  describe('regular expressions (RE2, linear time)', () => {
    it.each<[string, unknown]>([
      ['{{ $match("a1 b22", /([a-z])(\\d+)/).groups }}', ['a', '1', 'b', '22']],
      ['{{ $replace("Ada Lovelace", /(\\w+) (\\w+)/, "$2, $1") }}', 'Lovelace, Ada'],
      ['{{ $split("a1b22c", /\\d+/) }}', ['a', 'b', 'c']],
      ['{{ $contains("Hello", /^hel/i) }}', true],
      ['{{ $count($match("one\\ntwo", /^\\w+$/m)) }}', 2],
      ['{{ $match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", /(a+)+$/) }}', undefined],
      ['{{ $contains("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab", /^(a|a)*$/) }}', false],
    ])('%s', async (template, expected) => {
      expect(await evaluator.render(template, makeContext())).toEqual(expected);
    });

    it('fails a pattern RE2 cannot run as a syntax error, before evaluating anything', async () => {
      const error = await renderError(evaluator, '{{ $match(trigger.body.secret, /(?=sk)sk/) }}');
      expect(error.reason).toBe('syntax');
      expect(error.message).toContain('cannot run on the linear-time RE2 engine');
      expect(error.message).not.toContain(SECRET);
    });

    it('refuses a search that could outlast the budget, and stops a long loop of searches', async () => {
      const long = { trigger: { body: { s: 'a'.repeat(1_000_000) } } };
      expect((await renderError(evaluator, '{{ $match(trigger.body.s, /(a|b|c)+(d|e)/) }}', long)).reason).toBe(
        'too_costly',
      );
      const fast = new TemplateEvaluator({ timeoutMs: 20 });
      const error = await renderError(fast, '{{ $replace($substring(trigger.body.s, 0, 20000), /a*b|a/, "x") }}', long);
      expect(['timeout', 'too_costly']).toContain(error.reason);
    });

    it('gives each concurrent evaluation its own budget for its searches', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          evaluator.render('{{ $replace(trigger.body.s, /(\\d)/, "<$1>") }}', {
            trigger: { body: { s: `n${index}` } },
          }),
        ),
      );
      expect(results).toEqual(Array.from({ length: 20 }, (_, index) => `n${String(index).replace(/(\d)/g, '<$1>')}`));
    });
  });

  describe('renderDeep', () => {
    it('renders every string of a nested value, keeping keys and other values', async () => {
      const input = {
        url: 'https://api.test/orders/{{ trigger.body.entry[0].id }}',
        headers: { 'X-Tier': '{{ contact.fields.tier }}', '{{ not.a.template.key }}': 'literal' },
        body: {
          amount: '{{ trigger.body.amount }}',
          vip: '{{ trigger.body.flags.vip }}',
          items: ['{{ nodes.n1.output.data.items }}', 'static', 7, null, false],
          resume: '{{ $execution.wait1.resume_url }}',
          missing: '{{ trigger.body.missing }}',
        },
      };
      const snapshot = JSON.stringify(input);
      expect(await evaluator.renderDeep(input, makeContext(), bindings)).toEqual({
        url: 'https://api.test/orders/entry-1',
        headers: { 'X-Tier': 'gold', '{{ not.a.template.key }}': 'literal' },
        body: {
          amount: 150,
          vip: true,
          items: [[1, 2, 3], 'static', 7, null, false],
          resume: bindings.execution.wait1.resume_url,
          missing: undefined,
        },
      });
      expect(JSON.stringify(input)).toBe(snapshot);
    });

    it('renders a top-level string or passes a primitive through', async () => {
      expect(await evaluator.renderDeep('{{ trigger.body.amount }}', makeContext())).toBe(150);
      expect(await evaluator.renderDeep(42, makeContext())).toBe(42);
    });

    it('keeps a "__proto__" key as an own property', async () => {
      const input = JSON.parse('{"__proto__": {"x": "{{ contact.fields.tier }}"}}') as unknown;
      const output = (await evaluator.renderDeep(input, makeContext())) as Record<string, unknown>;
      expect(Object.getPrototypeOf(output)).toBe(Object.prototype);
      expect(Object.getOwnPropertyDescriptor(output, '__proto__')?.value).toEqual({ x: 'gold' });
    });

    it('bounds the total output size of the whole value', async () => {
      const small = new TemplateEvaluator({ maxResultBytes: 1000 });
      const input = { a: '{{ $pad("", 400, "x") }}', b: ['{{ $pad("", 400, "y") }}', '{{ $pad("", 400, "z") }}'] };
      await expect(small.renderDeep(input, makeContext())).rejects.toMatchObject({ reason: 'too_large' });
      expect(await small.renderDeep({ a: input.a, b: [input.b[0]] }, makeContext())).toBeDefined();
    });

    it('fails the whole call on the first failing template', async () => {
      await expect(
        evaluator.renderDeep({ ok: '{{ 1 }}', bad: ['{{ $number("x") }}'] }, makeContext()),
      ).rejects.toBeInstanceOf(ExpressionError);
    });
  });

  describe('compiled-template cache', () => {
    it('compiles a template once and reuses it', async () => {
      const cached = new TemplateEvaluator();
      const template = 'order {{ trigger.body.entry[0].id }}';
      expect(await cached.render(template, makeContext())).toBe('order entry-1');
      expect(await cached.render(template, { trigger: { body: { entry: [{ id: 'other' }] } } })).toBe('order other');
      expect(cached.cacheStats()).toEqual({ size: 1, hits: 1, misses: 1 });
    });

    it('does not cache plain strings and caches invalid templates as errors', async () => {
      const cached = new TemplateEvaluator();
      await cached.render('plain', makeContext());
      await expect(cached.render('{{ ( }}', makeContext())).rejects.toBeInstanceOf(ExpressionError);
      await expect(cached.render('{{ ( }}', makeContext())).rejects.toBeInstanceOf(ExpressionError);
      expect(cached.cacheStats()).toEqual({ size: 1, hits: 1, misses: 1 });
    });

    it('stays within its size', async () => {
      const cached = new TemplateEvaluator({ cacheSize: 2 });
      for (const template of ['{{ 1 }}', '{{ 2 }}', '{{ 3 }}', '{{ 1 }}']) await cached.render(template, makeContext());
      expect(cached.cacheStats()).toEqual({ size: 2, hits: 0, misses: 4 });
    });

    it('does not cache very long templates', async () => {
      const cached = new TemplateEvaluator({ maxCachedTemplateLength: 50 });
      const long = `{{ trigger.body.amount }}${' '.repeat(100)}`;
      await cached.render(long, makeContext());
      await cached.render(long, makeContext());
      expect(cached.cacheStats()).toEqual({ size: 0, hits: 0, misses: 2 });
    });

    it('evaluates one cached template concurrently with separate contexts and budgets', async () => {
      const cached = new TemplateEvaluator();
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, index) =>
          cached.render(
            '{{ trigger.body.n * 2 }}-{{ $execution.k }}',
            { trigger: { body: { n: index } } },
            { execution: { k: index } },
          ),
        ),
      );
      expect(results).toEqual(Array.from({ length: 50 }, (_, index) => `${index * 2}-${index}`));
    });
  });

  it('rejects invalid options', () => {
    expect(() => new TemplateEvaluator({ timeoutMs: 0 })).toThrow(RangeError);
    expect(() => new TemplateEvaluator({ maxResultBytes: 1.5 })).toThrow(RangeError);
  });
});
