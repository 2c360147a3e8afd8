import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { DomainError, type FieldError } from '../errors/domain-error.js';
import { findUnstorableText } from './unstorable-text.js';

const MAX_NAMED_FIELDS = 5;

/**
 * `/api` input is refused (400, naming each field) when any string in it — body (free-form JSON such
 * as node configs, credential data and execute input included), query or path parameter — holds NUL
 * or an unpaired surrogate, which PostgreSQL cannot store. Runs after the guards, before the pipes,
 * on the raw values, so no DTO needs a decorator for it. Public ingress is not checked here: provider
 * payloads are kept (NUL escaped on the way to a column), and malformed public ids stay 404s.
 */
@Injectable()
export class UnstorableTextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest>();
      if (request.routeOptions?.url?.startsWith('/api/')) assertStorable(request);
    }
    return next.handle();
  }
}

function assertStorable(request: FastifyRequest): void {
  const errors: FieldError[] = [
    ...findUnstorableText(request.params, 'path'),
    ...findUnstorableText(request.query, 'query'),
    ...findUnstorableText(request.body, 'body'),
  ];
  if (errors.length === 0) return;
  const fields = [...new Set(errors.map((error) => error.field))];
  const named = fields.slice(0, MAX_NAMED_FIELDS).join(', ') + (fields.length > MAX_NAMED_FIELDS ? ', …' : '');
  throw new DomainError(
    'invalid_input',
    'unstorable_text',
    `Text with NUL (U+0000) or unpaired surrogate characters cannot be stored: ${named}.`,
    errors,
  );
}
