import jsonata from 'jsonata';

import { ExpressionError } from './expression-error.js';
import { TemplateEvaluator, type ExpressionContext } from './template-evaluator.js';

const context = {
  trigger: {
    body: {
      items: [
        { id: 1, tags: ['a', 'b'], price: 0.1 },
        { id: 2, tags: ['b'], price: 0.2 },
        { tags: ['a', 'b'], id: 1, price: 0.1 },
      ],
      names: ['Zoë', 'adam', 'Ádám', 'bob', 'adam'],
      text: 'one, two,, three',
      emoji: 'a😀b😀c',
    },
  },
};

/** The value JSONata itself gives, as JSON (what a template yields is JSON data too), or its error code. */
async function original(expression: string): Promise<unknown> {
  try {
    return JSON.parse(JSON.stringify((await jsonata(expression).evaluate(context)) ?? null)) as unknown;
  } catch (error) {
    return { error: (error as { code?: string }).code };
  }
}

async function bounded(evaluator: TemplateEvaluator, expression: string): Promise<unknown> {
  try {
    return (await evaluator.render(`{{ ${expression} }}`, context)) ?? null;
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    return { error: error.jsonataCode ?? error.reason };
  }
}

async function failure(
  evaluator: TemplateEvaluator,
  template: string,
  data: ExpressionContext = context,
): Promise<ExpressionError> {
  try {
    await evaluator.render(template, data);
  } catch (error) {
    if (error instanceof ExpressionError) return error;
    throw error;
  }
  throw new Error(`expected ${template} to fail`);
}

describe('bounded built-ins', () => {
  const evaluator = new TemplateEvaluator();

  describe('give what JSONata gives', () => {
    it.each([
      '$distinct([1, "1", 1.0, null, null, true, "true", [1, 2], [1, 2], [2, 1], {"a": 1, "b": [2]}, {"b": [2], "a": 1}])',
      '$distinct(trigger.body.items)',
      '$distinct(trigger.body.items.tags)',
      '$distinct(trigger.body.names)',
      '$distinct([[], [[]], [[]], {}, {}])',
      '$distinct(5)',
      '$distinct([7])',
      '$distinct([0, -0])',
      '$distinct(trigger.body.missing)',
      '$sort(trigger.body.names)',
      '$sort([3, 1.5, -2, 10, 1.5, 0])',
      '$sort([3, "a"])',
      '$sort([[1], [2]])',
      '$sort(5)',
      '$sort([])',
      '$sort(trigger.body.items, function($l, $r) { $l.price > $r.price })',
      '$sort(trigger.body.items, function($l, $r) { $l.id < $r.id }).id',
      '$sort(trigger.body.missing)',
      '$spread({"a": 1, "b": [2, 3]})',
      '$spread(trigger.body.items)',
      '$spread([{"a": 1}, 5, [{"b": 2}, null], "x"])',
      '$spread([])',
      '$spread(7)',
      '$string(trigger.body.items)',
      '$string(trigger.body.items, true)',
      '$string({"n": 0.1 + 0.2, "f": function($x) { $x }, "s": "é\\n"})',
      '$string(function($x) { $x })',
      '$string(5)',
      '$string(0.1 + 0.2)',
      '$string([1, [2, "x"]])',
      '$clone(trigger.body.items[0])',
      'trigger.body.items[0] ~> |$|{"id": 9}|',
      '$replace(trigger.body.text, ",", ";")',
      '$replace(trigger.body.text, ",", "$0", 2)',
      '$replace(trigger.body.text, ",", "", 0)',
      '$replace(trigger.body.text, "", "x")',
      '$replace(trigger.body.text, ",", "x", -1)',
      '$replace(trigger.body.text, /(\\w+)/, "<$1>")',
      '$replace(trigger.body.text, /o/, function($m) { $uppercase($m.match) })',
      '$length(trigger.body.emoji)',
      '$length("")',
      '$substring(trigger.body.text, 5)',
      '$substring(trigger.body.text, -6, 3)',
      '$substring(trigger.body.text, 2, 0)',
      '$substring(trigger.body.text, -100, 4)',
      '$substring(trigger.body.text, 1.5, 2.5)',
      '$substring(trigger.body.emoji, 1, 3)',
      '$substring(trigger.body.emoji, -2)',
      '$substring(trigger.body.emoji, 2, 10)',
      '$substring("a\uD800b😀", 1, 3)',
      '$substring(trigger.body.emoji, -1.5)',
      '$pad("😀", 4, "é")',
      '$formatNumber(1234.5, "#,##0.00")',
      '$formatInteger(42, "w")',
      '$fromMillis(0, "[Y0001]-[M01]-[D01]")',
      '$toMillis("2020-01-02", "[Y0001]-[M01]-[D01]")',
      '$parseInteger("12,345", "#,##0")',
    ])('%s', async (expression) => {
      expect(await bounded(evaluator, expression)).toEqual(await original(expression));
    });
  });

  describe('stay linear or refuse in time', () => {
    // Results over big inputs are checked here; how long they take is the budget's business.
    const patient = new TemplateEvaluator({ timeoutMs: 30_000 });

    it('$distinct over 100,000 items keeps the first of each', async () => {
      const upTo = (n: number) => Array.from({ length: n }, (_, index) => index + 1);
      expect(await patient.render('{{ $distinct([1..50000, 1..50000]) }}', context)).toEqual(upTo(50_000));
      expect(await patient.render('{{ $distinct([1..99999]) }}', context)).toEqual(upTo(99_999));
    });

    it('$distinct compares no more text than a template may build', async () => {
      const small = new TemplateEvaluator({ maxResultBytes: 1000 });
      const error = await failure(small, '{{ $distinct([1..100].{"n": $, "pad": "xxxxxxxxxxxxxxxxxxxx"}) }}');
      expect(error.reason).toBe('too_large');
      expect(error.message).toContain('$distinct compared more than 1000 characters');
    });

    it('$sort of 100,000 numbers or strings, without a comparator', async () => {
      expect(await patient.render('{{ $sort($reverse([1..99999])) }}', context)).toEqual(
        Array.from({ length: 99_999 }, (_, index) => index + 1),
      );
      expect(await evaluator.render('{{ $sort(["b", "a", "c", "a"]) }}', context)).toEqual(['a', 'a', 'b', 'c']);
    });

    it('$sort with a comparator is stopped by the budget', async () => {
      const fast = new TemplateEvaluator({ timeoutMs: 20 });
      const error = await failure(fast, '{{ $sort([1..99999], function($l, $r) { $l < $r }) }}');
      expect(error.reason).toBe('timeout');
    });

    it('$spread keeps to the sequence limit', async () => {
      const short = new TemplateEvaluator({ maxSequenceLength: 100 });
      expect(await short.render('{{ $count($spread([1..50].{"a": $, "b": $})) }}', context)).toBe(100);
      const error = await failure(short, '{{ $spread([1..51].{"a": $, "b": $}) }}');
      expect(error.jsonataCode).toBe('D2015');
    });

    it('$length and $substring of a 1 MiB string', async () => {
      const long = { trigger: { body: { s: `${'x'.repeat(500_000)}😀${'y'.repeat(500_000)}` } } };
      expect(await patient.render('{{ $length(trigger.body.s) }}', long)).toBe(1_000_001);
      expect(await patient.render('{{ $substring(trigger.body.s, 499999, 3) }}', long)).toBe('x😀y');
      expect(await patient.render('{{ $substring(trigger.body.s, -500002, 2) }}', long)).toBe('x😀');
    });

    it('$replace of 500,000 occurrences of a string', async () => {
      const long = { trigger: { body: { s: 'ab'.repeat(250_000) } } };
      expect(await patient.render('{{ $length($replace(trigger.body.s, "a", "")) }}', long)).toBe(250_000);
    });

    it.each([
      ['$formatNumber(1, $p)', '#,'],
      ['$formatInteger(1, $p)', '0'],
      ['$fromMillis(0, $p)', '[Y]'],
      ['$toMillis("1", $p)', '[Y]'],
      ['$parseInteger("1", $p)', '0'],
    ])('%s refuses a picture over 256 characters', async (call, unit) => {
      const error = await failure(evaluator, `{{ ($p := $pad("", 300, ${JSON.stringify(unit)}); ${call}) }}`);
      expect(error.reason).toBe('too_large');
      expect(error.message).toMatch(/picture has \d+ characters, more than the 256 allowed/);
    });
  });

  describe('values that hold one object many times', () => {
    // Each level holds the one before twice: 2^30 copies of a 1,000-number array as JSON.
    const doubled = (levels: number) => {
      let expression = '$a := [1..1000]';
      let previous = '$a';
      for (let level = 0; level < levels; level++) {
        expression += `; $d${level} := {"x": ${previous}, "y": ${previous}}`;
        previous = `$d${level}`;
      }
      return { definitions: expression, top: previous };
    };
    const { definitions, top } = doubled(30);

    it.each([
      ['$string', `$length($string(${top}))`],
      ['$clone', `$clone(${top}).x.x.x`],
      ['&', `$length("" & ${top})`],
      ['=', `${top} = ${top.replace('$d29', '$d28')}`],
      ['in', `${top} in [1, 2]`],
      ['unary minus', `-${top}`],
      ['an object key', `{${top}: 1}`],
      ['the template output', top],
      ['$distinct', `$distinct([${top}, 1])`],
    ])('%s refuses it as too large, without writing it out', async (_what, use) => {
      const error = await failure(evaluator, `{{ (${definitions}; ${use}) }}`);
      expect(error.reason).toBe('too_large');
    });

    it('a mixed template refuses it as too large too', async () => {
      expect((await failure(evaluator, `value: {{ (${definitions}; ${top}) }}`)).reason).toBe('too_large');
    });
  });
});
