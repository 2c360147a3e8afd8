import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * One `node dist/src/main.js` process (APP_ROLE api or worker) whose stdout and stderr go to a log
 * file, kept for diagnosis after the run.
 */
export class FlowhookProcess {
  readonly child: ChildProcess;
  readonly pid: number;
  private readonly exit: Promise<void>;

  constructor(
    readonly name: string,
    readonly logFile: string,
    env: Record<string, string>,
  ) {
    const out = openSync(logFile, 'a');
    try {
      this.child = spawn(process.execPath, [join(process.cwd(), 'dist', 'src', 'main.js')], {
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env },
        stdio: ['ignore', out, out],
      });
    } finally {
      closeSync(out);
    }
    if (this.child.pid === undefined) throw new Error(`${name} did not start`);
    this.pid = this.child.pid;
    this.exit = new Promise((resolve) => this.child.once('exit', () => resolve()));
  }

  /** Still the same process, running (not exited, not a zombie). */
  get alive(): boolean {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return false;
    try {
      process.kill(this.pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  get exitDescription(): string {
    return this.alive ? 'running' : `exited (code ${this.child.exitCode}, signal ${this.child.signalCode})`;
  }

  log(): string {
    try {
      return readFileSync(this.logFile, 'utf8');
    } catch {
      return '';
    }
  }

  /** Waits for a line of its log to contain `text` (or fails when the process exits first). */
  async waitForLog(text: string, timeoutMs = 30000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.log().includes(text)) {
      if (!this.alive)
        throw new Error(
          `${this.name} ${this.exitDescription} before logging "${text}"; log:\n${this.log().slice(-3000)}`,
        );
      if (Date.now() > deadline)
        throw new Error(`${this.name} did not log "${text}" within ${timeoutMs} ms; log:\n${this.log().slice(-3000)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM', graceMs = 5000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(signal);
    const timer = new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), graceMs).unref());
    if ((await Promise.race([this.exit.then(() => 'exited' as const), timer])) === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exit;
    }
  }
}
