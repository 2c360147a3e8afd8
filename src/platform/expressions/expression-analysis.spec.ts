import jsonata from 'jsonata';

import { analyzeExpression } from './expression-analysis.js';

describe('analyzeExpression', () => {
  it('finds every regex literal, wherever it is', () => {
    const { regexes } = analyzeExpression(
      jsonata(
        '$map(xs, function($x) { $replace($x, /a/i, "b") }) ~> $filter(function($y) { $contains($y, /c/m) })',
      ).ast(),
    );
    expect(regexes.map((regex) => `${regex.source}/${regex.flags}`)).toEqual(expect.arrayContaining(['a/gi', 'c/gm']));
    expect(regexes).toHaveLength(2);
    expect(analyzeExpression(jsonata('a.b & "c"').ast()).regexes).toEqual([]);
  });

  it('marks the steps whose values JSONata writes as JSON or compares deeply', () => {
    const ast = jsonata('(a & b) = -c').ast() as unknown as {
      lhs: { expressions: [{ lhs: object; rhs: object }] };
      rhs: { expression: object };
    };
    const { serializedSteps } = analyzeExpression(ast as unknown as jsonata.ExprNode);
    const concat = ast.lhs.expressions[0];
    expect(serializedSteps.has(concat.lhs)).toBe(true);
    expect(serializedSteps.has(concat.rhs)).toBe(true);
    expect(serializedSteps.has(ast.lhs)).toBe(true);
    expect(serializedSteps.has(ast.rhs)).toBe(true);
    expect(serializedSteps.has(ast.rhs.expression)).toBe(true);
  });

  it('marks object-constructor keys and group-by keys, not their values', () => {
    const constructed = jsonata('{k: v}').ast() as unknown as { lhs: [[object, object]] };
    const grouped = jsonata('items{k: v}').ast() as unknown as { group: { lhs: [[object, object]] } };
    const fromConstructor = analyzeExpression(constructed as unknown as jsonata.ExprNode).serializedSteps;
    const fromGroup = analyzeExpression(grouped as unknown as jsonata.ExprNode).serializedSteps;
    expect(fromConstructor.has(constructed.lhs[0][0])).toBe(true);
    expect(fromConstructor.has(constructed.lhs[0][1])).toBe(false);
    expect(fromGroup.has(grouped.group.lhs[0][0])).toBe(true);
  });

  it('marks nothing in a plain path', () => {
    expect(analyzeExpression(jsonata('trigger.body.items[price > 10].name').ast()).serializedSteps.size).toBe(0);
  });
});
