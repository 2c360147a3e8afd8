import { ExpressionError } from './expression-error.js';
import { re2PatternOf } from './re2-pattern.js';
import { Re2RegExp, re2RegexEngine } from './re2-regexp.js';

const plenty = { allowanceMs: () => 100 };

/** What JSONata's parser makes of `/source/flags`: a RegExp with `g` added. */
function literal(source: string, flags = ''): RegExp {
  return new RegExp(source, `${flags}g`);
}

/** Every match, driven the way JSONata drives its RegexEngine (lastIndex set before each exec). */
function allMatches(
  regex: { lastIndex: number; exec(subject: string): RegExpExecArray | (string | undefined)[] | null },
  subject: string,
) {
  const out: { match: string | undefined; index: number; groups: (string | undefined)[] }[] = [];
  let from = 0;
  for (;;) {
    regex.lastIndex = from;
    const found = regex.exec(subject) as ((string | undefined)[] & { index: number }) | null;
    if (found === null) return out;
    out.push({ match: found[0], index: found.index, groups: found.slice(1) });
    if (regex.lastIndex >= subject.length || found[0] === '') return out;
    from = regex.lastIndex;
  }
}

describe('Re2RegExp', () => {
  it.each<[string, string, string]>([
    ['(\\d+)-(\\d+)?', '', 'a 12-34 b 5- c'],
    ['(?<word>[a-z]+)(\\d)?', 'i', 'Ab1 cD ef2'],
    ['^\\w+$', 'm', 'one\ntwo\n\nthree'],
    ['^\\w+$', '', 'one\ntwo'],
    ['b|(a)|(c)', '', 'abcabc'],
    ['\\s+', '', ' a  b\tc\n'],
    ['x*', '', 'xxay'],
    ['[^]', '', 'ab'],
    ['\\u0041\\x42', '', 'zABz'],
  ])('matches /%s/%s like a RegExp over %j', (source, flags, subject) => {
    expect(allMatches(new Re2RegExp(literal(source, flags), plenty), subject)).toEqual(
      allMatches(literal(source, flags), subject),
    );
  });

  it('sets lastIndex like a global RegExp: after the match, back to 0 when none is found', () => {
    const regex = new Re2RegExp(literal('b+'), plenty);
    regex.lastIndex = 1;
    const found = regex.exec('abbcb');
    expect(found?.index).toBe(1);
    expect(found?.[0]).toBe('bb');
    expect(regex.lastIndex).toBe(3);
    regex.lastIndex = 5;
    expect(regex.exec('abbcb')).toBeNull();
    expect(regex.lastIndex).toBe(0);
    regex.lastIndex = 99;
    expect(regex.exec('abbcb')).toBeNull();
    expect(regex.lastIndex).toBe(0);
  });

  it('leaves lastIndex at an empty match, as RegExp does (JSONata then stops with D1004)', () => {
    const regex = new Re2RegExp(literal('a*'), plenty);
    regex.lastIndex = 1;
    expect(regex.exec('bbb')?.index).toBe(1);
    expect(regex.lastIndex).toBe(1);
  });

  it('counts positions in UTF-16 units, like JavaScript strings', () => {
    const regex = new Re2RegExp(literal('b'), plenty);
    expect(regex.exec('😀ab')?.index).toBe(3);
  });

  it('runs the patterns that make a backtracking engine take exponential time', () => {
    const subject = `${'a'.repeat(5000)}b`;
    expect(new Re2RegExp(literal('(a+)+$'), plenty).exec(subject)).toBeNull();
    expect(new Re2RegExp(literal('^(a|a)*$'), plenty).exec(subject)).toBeNull();
    expect(new Re2RegExp(literal('(a|aa)+c'), plenty).exec(subject)).toBeNull();
  });

  it('refuses a search whose worst case does not fit the time left, before running it', () => {
    let asked = 0;
    const almostNothing = {
      allowanceMs: () => {
        asked++;
        return 1;
      },
    };
    const regex = new Re2RegExp(literal('(a+)+$'), almostNothing);
    expect(regex.exec('aab')).toBeNull();
    let caught: unknown;
    try {
      regex.exec('a'.repeat(100_000));
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExpressionError);
    expect((caught as ExpressionError).reason).toBe('too_costly');
    expect((caught as ExpressionError).message).toMatch(
      /regular expression search over 100000 characters could take \d+ ms/,
    );
    expect(asked).toBe(2);
  });

  it('asks for the time left before every search, so a loop of searches stops with the budget', () => {
    const spent = new ExpressionError({ reason: 'timeout', detail: 'exceeded the 100 ms evaluation limit' });
    let searches = 0;
    const budget = {
      allowanceMs: () => {
        if (++searches > 3) throw spent;
        return 100;
      },
    };
    const regex = new Re2RegExp(literal('a'), budget);
    expect(() => allMatches(regex, 'aaaaaa')).toThrow(spent);
    expect(searches).toBe(4);
  });

  it('is what re2RegexEngine builds when JSONata calls `new RegexEngine(regex)`', () => {
    const Engine = re2RegexEngine(plenty);
    const regex = new Engine(literal('b')) as unknown as Re2RegExp;
    expect(regex).toBeInstanceOf(Re2RegExp);
    expect(regex.exec('abc')?.index).toBe(1);
  });
});

describe('re2PatternOf', () => {
  it.each<[string, RegExp]>([
    ['lookahead', /a(?=b)/g],
    ['negative lookahead', /a(?!b)/g],
    ['lookbehind', /(?<=a)b/g],
    ['a numbered backreference', /(a)\1/g],
    ['a named backreference', /(?<x>a)\k<x>/g],
  ])('refuses %s with a syntax error that says why', (_kind, regex) => {
    let caught: unknown;
    try {
      re2PatternOf(regex);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ExpressionError);
    expect((caught as ExpressionError).reason).toBe('syntax');
    expect((caught as ExpressionError).message).toContain(
      `the regular expression /${regex.source}/ cannot run on the linear-time RE2 engine`,
    );
    expect((caught as ExpressionError).message).toContain('lookahead, lookbehind and backreferences are not supported');
  });

  it('compiles each literal once', () => {
    const regex = /ab+c/gi;
    expect(re2PatternOf(regex)).toBe(re2PatternOf(regex));
    expect(re2PatternOf(regex).groupCount).toBe(0);
    expect(re2PatternOf(/(a)(?:b)(?<n>c)/g).groupCount).toBe(2);
  });

  it('knows a literal pattern, which is searched as plain text', () => {
    expect(re2PatternOf(/invoice/g).literal).toBe(true);
    expect(re2PatternOf(/in(voice)/g).literal).toBe(false);
    expect(re2PatternOf(/in.oice/g).literal).toBe(false);
  });
});
