const FORBIDDEN = new Set(['__proto__', 'prototype', 'constructor']);

/** A response path: `$`, then any of `.name`, `[index]`, `["any key"]` (blanks around allowed). */
export const RESPONSE_PATH_PATTERN = String.raw`^\s*\$(?:\.[A-Za-z0-9_$-]+|\[\d+\]|\["[^"]+"\])*\s*$`;
const RESPONSE_PATH = new RegExp(RESPONSE_PATH_PATTERN, 'u');
const STEP = /\.([A-Za-z0-9_$-]+)|\[(\d+)\]|\["([^"]+)"\]/g;

/**
 * Reads a JSONPath-style path (`$.data.items[0].id`, `$.total`) from a response body; undefined
 * when any step is missing or the path is not one (see RESPONSE_PATH_PATTERN). Only own properties are read.
 */
export function readPath(source: unknown, path: string): unknown {
  if (!RESPONSE_PATH.test(path)) return undefined;
  const steps = [...path.trim().slice(1).matchAll(STEP)].map((step) => step[1] ?? step[2] ?? step[3]);
  let current: unknown = source;
  for (const step of steps) {
    if (current === null || typeof current !== 'object' || FORBIDDEN.has(step)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, step)) return undefined;
    current = (current as Record<string, unknown>)[step];
  }
  return current;
}

export interface MappedValues {
  /** `output.<key>` targets, merged into the node output. */
  output: Record<string, unknown>;
  /** `contact.fields.<key>` targets, merged into the execution's contact. */
  contactFields: Record<string, unknown>;
}

/** Applies `responseMapping` (`{ "contact.fields.tier": "$.data.tier", "output.id": "$.id" }`). */
export function applyResponseMapping(mapping: Record<string, string> | undefined, body: unknown): MappedValues {
  const mapped: MappedValues = { output: {}, contactFields: {} };
  for (const [target, path] of Object.entries(mapping ?? {})) {
    const value = readPath(body, path);
    if (value === undefined) continue;
    if (target.startsWith('output.')) mapped.output[target.slice('output.'.length)] = value;
    else if (target.startsWith('contact.fields.')) mapped.contactFields[target.slice('contact.fields.'.length)] = value;
  }
  return mapped;
}
