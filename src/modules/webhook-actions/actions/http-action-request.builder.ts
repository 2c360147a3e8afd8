import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { signStandardWebhook } from '../../../platform/crypto/hmac.js';
import {
  TemplateEvaluator,
  type ExpressionBindings,
  type ExpressionContext,
} from '../../../platform/expressions/template-evaluator.js';
import { CredentialVault } from '../../credentials/index.js';
import { NodeError } from '../../executions/index.js';
import { encodeUrlComponent, escapeHtml, stripCrLf } from '../http/merge-field-encoders.js';
import { OutboundError } from '../http/outbound-error.js';
import type { HttpActionConfig } from './http-action-config.js';

export interface BuiltRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
  /** Header names that carry credentials: redacted in attempt logs, dropped on cross-origin redirects. */
  secretHeaders: string[];
  /** Query parameters that carry credentials (redacted in logs). */
  secretQuery: string[];
}

/**
 * Renders an action's templates with merge-field safety (SPEC §7): values URL-encoded in the URL,
 * JSON bodies built structurally (a value can never change the JSON shape), CR/LF stripped from
 * headers, HTML-escaped in text bodies. Then adds auth from the credential and Standard Webhooks
 * signing headers.
 */
@Injectable()
export class HttpActionRequestBuilder {
  constructor(
    private readonly templates: TemplateEvaluator,
    private readonly vault: CredentialVault,
  ) {}

  async build(
    tenantId: string,
    config: HttpActionConfig,
    context: ExpressionContext,
    bindings: ExpressionBindings,
  ): Promise<BuiltRequest> {
    const rawUrl = await this.templates.renderToString(config.url, context, bindings, { encode: encodeUrlComponent });
    let url: URL;
    try {
      url = new URL(rawUrl);
    } catch {
      throw new OutboundError('ssrf_blocked', 'The rendered URL is not a valid absolute URL.', false);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new OutboundError('ssrf_blocked', `Only http and https URLs may be called, not ${url.protocol}`, false);
    for (const [name, template] of Object.entries(config.query ?? {}))
      url.searchParams.append(name, await this.templates.renderToString(template, context, bindings));

    const headers: Record<string, string> = {};
    for (const [name, template] of Object.entries(config.headers ?? {})) {
      headers[name.toLowerCase()] = stripCrLf(
        await this.templates.renderToString(template, context, bindings, { encode: stripCrLf }),
      );
    }
    let body: string | undefined;
    if (config.body !== undefined && config.method !== 'GET' && config.method !== 'HEAD') {
      if (typeof config.body === 'string') {
        body = await this.templates.renderToString(config.body, context, bindings, { encode: escapeHtml });
        headers['content-type'] ??= 'text/plain; charset=utf-8';
      } else {
        body = JSON.stringify(await this.templates.renderDeep(config.body, context, bindings));
        headers['content-type'] ??= 'application/json';
      }
    }

    const built: BuiltRequest = { method: config.method, url, headers, body, secretHeaders: [], secretQuery: [] };
    await this.applyAuth(tenantId, config, built);
    if (config.signing) await this.sign(tenantId, config.signing.credentialId, built);
    return built;
  }

  private async applyAuth(tenantId: string, config: HttpActionConfig, request: BuiltRequest): Promise<void> {
    const auth = config.auth;
    if (!auth || auth.type === 'none' || !auth.credentialId) return;
    const credential = await this.vault.open(tenantId, auth.credentialId);
    if (!credential || credential.type !== auth.type)
      throw new NodeError('invalid_config', `Credential ${auth.credentialId} of type ${auth.type} not found.`, false);
    switch (credential.type) {
      case 'basic':
        request.headers.authorization = `Basic ${Buffer.from(`${credential.username}:${credential.password}`).toString('base64')}`;
        request.secretHeaders.push('authorization');
        break;
      case 'bearer':
        request.headers.authorization = `Bearer ${credential.token}`;
        request.secretHeaders.push('authorization');
        break;
      case 'api_key':
        if (auth.queryParam) {
          request.url.searchParams.set(auth.queryParam, credential.key);
          request.secretQuery.push(auth.queryParam);
        } else {
          const header = (auth.headerName ?? 'X-API-Key').toLowerCase();
          request.headers[header] = credential.key;
          request.secretHeaders.push(header);
        }
        break;
    }
  }

  private async sign(tenantId: string, credentialId: string, request: BuiltRequest): Promise<void> {
    const credential = await this.vault.open(tenantId, credentialId);
    if (!credential || credential.type !== 'signing')
      throw new NodeError('invalid_config', `Signing credential ${credentialId} not found.`, false);
    const id = `msg_${randomUUID()}`;
    const timestamp = Math.floor(Date.now() / 1000);
    request.headers['webhook-id'] = id;
    request.headers['webhook-timestamp'] = String(timestamp);
    request.headers['webhook-signature'] = signStandardWebhook(credential.secret, id, timestamp, request.body ?? '');
  }
}
