/**
 * While a spec keeps a service down on purpose, libraries print every refused reconnection: BullMQ's
 * Queue.emit falls back to console.error when no listener takes its 'error' event, ioredis prints
 * unhandled errors. This drops exactly those lines — ECONNREFUSED to `port` — and lets every other
 * console.error through. Returns the function that restores console.error.
 */
export function muteRefusedConnectionsTo(port: number): () => void {
  const print = console.error;
  const refused = new RegExp(`ECONNREFUSED \\S+:${port}\\b`);
  console.error = (...args: unknown[]) => {
    if (!args.some((arg) => refused.test(textOf(arg)))) print(...args);
  };
  return () => {
    console.error = print;
  };
}

/** A string, or an error's message (errors of Node's own modules come from another realm: no instanceof). */
function textOf(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && 'message' in value && typeof value.message === 'string')
    return value.message;
  return '';
}
