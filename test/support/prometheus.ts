// Prometheus text format, checked line by line (no parser ships with prom-client).
const METRIC_NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"';
const VALUE = '(?:[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?|[-+]?Inf|NaN)';
const SAMPLE_LINE = new RegExp(`^(${METRIC_NAME})(?:\\{((?:${LABEL})(?:,${LABEL})*)?,?\\})? (${VALUE})(?: -?\\d+)?$`);
const HELP_LINE = new RegExp(`^# HELP ${METRIC_NAME} .*$`);
const TYPE_LINE = new RegExp(`^# TYPE (${METRIC_NAME}) (counter|gauge|histogram|summary|untyped)$`);

export type Samples = Map<string, number>;

/** Parses the exposition strictly (every line must match) into `name{a="x",b="y"}` → value, labels sorted. */
export function parsePrometheus(text: string): Samples {
  const samples: Samples = new Map();
  const types = new Map<string, string>();
  const lines = text.split('\n');
  expect(lines.at(-1)).toBe('');
  for (const line of lines.slice(0, -1)) {
    if (line === '') continue; // the format ignores empty lines (prom-client separates families with one)
    if (line.startsWith('#')) {
      const type = TYPE_LINE.exec(line);
      if (type) types.set(type[1], type[2]);
      else if (!HELP_LINE.test(line)) throw new Error(`not a Prometheus comment line: ${JSON.stringify(line)}`);
      continue;
    }
    const match = SAMPLE_LINE.exec(line);
    if (!match) throw new Error(`not a Prometheus sample line: ${JSON.stringify(line)}`);
    const [, name, labelText, value] = match;
    const family = name.replace(/_(bucket|sum|count|total|created)$/, '');
    if (!types.has(name) && !types.has(family)) throw new Error(`sample ${name} has no # TYPE line before it`);
    const labels = [...(labelText ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)]
      .map((m) => `${m[1]}="${m[2]}"`)
      .sort();
    const key = `${name}{${labels.join(',')}}`;
    if (samples.has(key)) throw new Error(`duplicate series ${key}`);
    samples.set(key, Number(value));
  }
  return samples;
}

/** Sum of every series of `name` whose labels include all of `labels` (e.g. `status="succeeded"`). */
export function sum(samples: Samples, name: string, ...labels: string[]): number {
  let total = 0;
  for (const [key, value] of samples) {
    if (!key.startsWith(`${name}{`)) continue;
    if (labels.every((label) => key.includes(label))) total += value;
  }
  return total;
}
