import jsonata from 'jsonata';

/** A JSONata built-in's implementation, called with JSONata's focus (`environment`, `createSequence`, …) as `this`. */
export type BuiltinImplementation = (this: unknown, ...args: unknown[]) => unknown;

const originals = new Map<string, Promise<BuiltinImplementation>>();

/**
 * JSONata's own implementation of the built-in `$name`, for an override that checks its arguments
 * and then lets the original run. Read once from the function value JSONata gives for `$name`.
 */
export function originalBuiltin(name: string): Promise<BuiltinImplementation> {
  let original = originals.get(name);
  if (original === undefined) {
    original = jsonata(`$${name}`)
      .evaluate({})
      .then((value: unknown) => implementationOf(name, value));
    originals.set(name, original);
  }
  return original;
}

function implementationOf(name: string, value: unknown): BuiltinImplementation {
  const implementation =
    typeof value === 'object' && value !== null ? (value as { implementation?: unknown }).implementation : undefined;
  if (typeof implementation !== 'function') throw new Error(`jsonata has no built-in $${name} to delegate to`);
  return implementation as BuiltinImplementation;
}
