/**
 * The app's log line of an unexpected error (a 500 carries only its errorId), shortened to what routes
 * it: the error's type and message and its first stack frame.
 */
export function unexpectedErrorLine(logs: readonly string[], errorId: string): string | undefined {
  const line = logs.find((candidate) => candidate.includes(errorId));
  if (!line) return undefined;
  try {
    const entry = JSON.parse(line) as { err?: { type?: string; message?: string; stack?: string } };
    const frame = entry.err?.stack
      ?.split('\n')
      .find((stackLine) => stackLine.trim().startsWith('at '))
      ?.trim();
    return `${entry.err?.type ?? 'Error'}: ${entry.err?.message ?? '?'}${frame ? ` (${frame})` : ''}`;
  } catch {
    return line.slice(0, 300);
  }
}
