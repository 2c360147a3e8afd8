import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUUID } from 'class-validator';
import { constantTimeEquals } from '../../../platform/crypto/constant-time.js';
import { DomainError } from '../../../platform/errors/domain-error.js';
import { ApiProblems } from '../../../platform/http/api-problems.decorator.js';
import { PrototypeKeysAsData } from '../../../platform/http/prototype-keys.js';
import { Public } from '../../auth/index.js';
import { webhookNotFound } from '../domain/webhook-errors.js';
import { IngressResponse, WebhookPublicStatusResponse } from '../dto/ingress.response.js';
import { WebhookIngressService } from './webhook-ingress.service.js';

/** A malformed id in a public path is simply not found (404), never a 400 that probes the API. */
function webhookIdOr404(id: string): string {
  if (!isUUID(id, 'all')) throw webhookNotFound();
  return id;
}

@ApiTags('ingress')
@Public()
@Controller('webhooks')
export class IngressController {
  constructor(private readonly ingress: WebhookIngressService) {}

  /**
   * Stores the event (committed in PostgreSQL), queues it and answers 202 in milliseconds; a delivery
   * whose provider event id was seen in the last 24 h answers 200 `duplicate` and starts nothing.
   */
  @Post(':webhookId')
  @PrototypeKeysAsData()
  @ApiOperation({ summary: 'Receive a provider webhook' })
  @ApiHeader({ name: 'X-Webhook-Token', required: false, description: 'Or Authorization: Bearer, or ?token=' })
  @ApiAcceptedResponse({ type: IngressResponse, description: 'Accepted (or 200 with status duplicate)' })
  @ApiProblems(400, 401, 404, 410, 413, 415, 429, 503)
  receive(
    @Param('webhookId') webhookId: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngressResponse> {
    return this.handle(webhookId, undefined, request, reply);
  }

  @Post(':webhookId/:provider')
  @PrototypeKeysAsData()
  @ApiOperation({ summary: 'Receive a provider webhook (provider in the path must match the webhook)' })
  @ApiParam({ name: 'provider', enum: ['whatsapp', 'instagram', 'mercadolibre', 'zapier', 'generic'] })
  @ApiAcceptedResponse({ type: IngressResponse })
  @ApiProblems(400, 401, 404, 410, 413, 415, 429, 503)
  receiveForProvider(
    @Param('webhookId') webhookId: string,
    @Param('provider') provider: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IngressResponse> {
    return this.handle(webhookId, provider, request, reply);
  }

  /** Public: whether the webhook exists and is active; no secrets. */
  @Get(':webhookId/status')
  @ApiOperation({ summary: 'Public status of a webhook' })
  @ApiOkResponse({ type: WebhookPublicStatusResponse })
  @ApiProblems(404)
  async status(@Param('webhookId') webhookId: string): Promise<WebhookPublicStatusResponse> {
    const webhook = await this.ingress.lookup(webhookIdOr404(webhookId));
    return { id: webhook.id, status: webhook.status, provider: webhook.provider };
  }

  /** Meta's verification handshake: `hub.verify_token` must equal the webhook's `config.verifyToken`. */
  @Get(':webhookId')
  @ApiOperation({ summary: "Answer Meta's callback verification (hub.challenge)" })
  @ApiQuery({ name: 'hub.mode', required: true, example: 'subscribe' })
  @ApiQuery({ name: 'hub.verify_token', required: true, example: 'my-verify-token' })
  @ApiQuery({ name: 'hub.challenge', required: true, example: '1158201444' })
  @ApiProduces('text/plain')
  @ApiOkResponse({ description: 'The challenge, as text/plain', schema: { type: 'string', example: '1158201444' } })
  @ApiProblems(403, 404)
  async verify(
    @Param('webhookId') webhookId: string,
    @Query() query: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const webhook = await this.ingress.lookup(webhookIdOr404(webhookId));
    const expected = webhook.config.verifyToken;
    const given = query['hub.verify_token'];
    const challenge = query['hub.challenge'];
    if (
      query['hub.mode'] !== 'subscribe' ||
      !expected ||
      typeof given !== 'string' ||
      !constantTimeEquals(given, expected) ||
      typeof challenge !== 'string'
    ) {
      throw new DomainError('forbidden', 'verification_failed', 'The verification token does not match.');
    }
    void reply.header('Content-Type', 'text/plain; charset=utf-8');
    return challenge;
  }

  private async handle(
    webhookId: string,
    provider: string | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<IngressResponse> {
    const result = await this.ingress.accept({
      webhookId: webhookIdOr404(webhookId),
      providerSegment: provider,
      headers: request.headers,
      query: (request.query ?? {}) as Record<string, unknown>,
      body: request.body,
      rawBody: (request as FastifyRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0),
      sourceIp: request.ip,
    });
    void reply.status(result.status === 'accepted' ? 202 : 200);
    return result;
  }
}
