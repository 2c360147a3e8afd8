import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Routes Nest's own log calls (bootstrap, route mapping, exceptions) into the pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  /** Nest's `log` is start-up chatter (modules, routes): debug, so the first info lines are ours. */
  log(message: unknown, ...optional: unknown[]): void {
    this.logger.debug(this.fields(optional), this.text(message));
  }

  error(message: unknown, ...optional: unknown[]): void {
    this.logger.error(this.fields(optional), this.text(message));
  }

  warn(message: unknown, ...optional: unknown[]): void {
    this.logger.warn(this.fields(optional), this.text(message));
  }

  debug(message: unknown, ...optional: unknown[]): void {
    this.logger.debug(this.fields(optional), this.text(message));
  }

  verbose(message: unknown, ...optional: unknown[]): void {
    this.logger.trace(this.fields(optional), this.text(message));
  }

  fatal(message: unknown, ...optional: unknown[]): void {
    this.logger.fatal(this.fields(optional), this.text(message));
  }

  private text(message: unknown): string {
    return message instanceof Error ? message.message : String(message);
  }

  /** Nest passes the context name last and, for errors, a stack before it. */
  private fields(optional: unknown[]): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    const context = optional.at(-1);
    if (typeof context === 'string') fields.context = context;
    const stack = optional.length > 1 ? optional.at(-2) : undefined;
    if (typeof stack === 'string') fields.stack = stack;
    return fields;
  }
}
