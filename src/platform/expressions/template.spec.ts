import { ExpressionError } from './expression-error.js';
import { findTemplateErrors, findTemplateErrorsDeep, hasTemplate, parseTemplate } from './template.js';

describe('parseTemplate', () => {
  it('splits literal text and expressions', () => {
    expect(parseTemplate('Hi {{ contact.fields.name }}, order {{trigger.body.id}}!')).toEqual({
      parts: [
        { kind: 'text', text: 'Hi ' },
        { kind: 'expression', source: ' contact.fields.name ', offset: 5 },
        { kind: 'text', text: ', order ' },
        { kind: 'expression', source: 'trigger.body.id', offset: 38 },
        { kind: 'text', text: '!' },
      ],
      single: false,
    });
  });

  it('marks one expression with only whitespace around it as single', () => {
    expect(parseTemplate('{{ trigger.body }}').single).toBe(true);
    expect(parseTemplate('  \n{{ trigger.body }}\t ').single).toBe(true);
    expect(parseTemplate('x{{ trigger.body }}').single).toBe(false);
    expect(parseTemplate('{{ a }}{{ b }}').single).toBe(false);
  });

  it('skips braces of object constructors, string literals, names and comments', () => {
    const sources = (template: string) =>
      parseTemplate(template).parts.flatMap((part) => (part.kind === 'expression' ? [part.source] : []));
    expect(sources('{{ {"a": {"b": 1}} }}')).toEqual([' {"a": {"b": 1}} ']);
    expect(sources('{{ {"a":1}}}')).toEqual([' {"a":1}']);
    expect(sources('{{ "}}" & \'}}\' }} tail')).toEqual([' "}}" & \'}}\' ']);
    expect(sources('{{ "say \\"}}\\"" }}')).toEqual([' "say \\"}}\\"" ']);
    expect(sources('{{ trigger.`odd}}name` }}')).toEqual([' trigger.`odd}}name` ']);
    expect(sources('{{ /* }} */ 1 }}')).toEqual([' /* }} */ 1 ']);
  });

  it('rejects an unclosed or empty {{', () => {
    expect(() => parseTemplate('Hi {{ contact.fields.name')).toThrow(ExpressionError);
    expect(() => parseTemplate('Hi {{ "}} ')).toThrow(/never closed/);
    expect(() => parseTemplate('Hi {{   }}')).toThrow(/empty/);
  });

  it('hasTemplate looks for {{ only', () => {
    expect(hasTemplate('plain }} text')).toBe(false);
    expect(hasTemplate('a {{ b')).toBe(true);
  });
});

describe('findTemplateErrors', () => {
  it('returns null for valid templates and plain strings', () => {
    expect(findTemplateErrors('no template')).toBeNull();
    expect(findTemplateErrors('{{ trigger.body.entry[0].id }} and {{ $execution.w1.resume_url }}')).toBeNull();
    expect(findTemplateErrors('{{ trigger.body.amount > 100 }}')).toBeNull();
  });

  it('reports the first JSONata syntax error with the expression', () => {
    const message = findTemplateErrors('ok {{ trigger.body.id }} bad {{ trigger.body. }} worse {{ ( }}');
    expect(message).toMatch(/^Syntax error in \{\{ trigger\.body\. \}\}/);
    expect(message).toContain('[S0');
  });

  it('reports a regular expression the RE2 engine cannot run', () => {
    expect(findTemplateErrors('{{ $match(trigger.body.s, /a(?!b)/) }}')).toMatch(
      /^Syntax error in .*cannot run on the linear-time RE2 engine/,
    );
    expect(findTemplateErrors('{{ $replace(trigger.body.s, /(a)\\1/, "") }}')).toMatch(
      /lookahead, lookbehind and backreferences are not supported/,
    );
    expect(findTemplateErrors('{{ $match(trigger.body.s, /a(b)?c/i) }}')).toBeNull();
  });

  it('reports template structure errors', () => {
    expect(findTemplateErrors('{{ trigger.body')).toMatch(/never closed/);
    expect(findTemplateErrors('{{}}')).toMatch(/empty/);
  });

  it('finds the first error inside a JSON value with its path', () => {
    expect(
      findTemplateErrorsDeep({ url: 'https://x/{{ trigger.body.id }}', body: { items: [{ n: '{{ 1 + }}' }] } }),
    ).toMatch(/^body\.items\[0\]\.n: Syntax error in \{\{ 1 \+ \}\}/);
    expect(findTemplateErrorsDeep({ a: ['{{ 1 }}', 2, null, true] })).toBeNull();
    expect(findTemplateErrorsDeep('{{ ) }}')).toMatch(/^Syntax error/);
  });
});
