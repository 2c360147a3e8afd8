import { Controller, Param, Post, Req, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isUUID } from 'class-validator';
import { ApiProblems } from '../../../platform/http/api-problems.decorator.js';
import { PrototypeKeysAsData } from '../../../platform/http/prototype-keys.js';
import { Public } from '../../auth/index.js';
import { channelNotFound } from '../channel.repository.js';
import { ChannelIngressResponse } from '../dto/channel.dto.js';
import { ChannelIngressService } from './channel-ingress.service.js';

const EVENT = /^[A-Za-z0-9_.-]{1,100}$/;

@ApiTags('ingress')
@Public()
@Controller('webhooks')
export class ChannelIngressController {
  constructor(private readonly ingress: ChannelIngressService) {}

  /** Verified with the channel's app secret; starts every published workflow listening to (channel, event). */
  @Post(':channelId/:provider/:event')
  @PrototypeKeysAsData()
  @ApiOperation({ summary: 'Receive a provider event for a channel' })
  @ApiAcceptedResponse({ type: ChannelIngressResponse, description: 'Accepted (or 200 with status duplicate)' })
  @ApiProblems(400, 401, 404, 413, 415)
  async receive(
    @Param('channelId') channelId: string,
    @Param('provider') provider: string,
    @Param('event') event: string,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ChannelIngressResponse> {
    if (!isUUID(channelId, 'all') || !EVENT.test(event)) throw channelNotFound();
    const rawBody = (request as FastifyRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
    const result = await this.ingress.accept(channelId, provider, event, request.headers, request.body, rawBody);
    void reply.status(result.status === 'accepted' ? 202 : 200);
    return result;
  }
}
