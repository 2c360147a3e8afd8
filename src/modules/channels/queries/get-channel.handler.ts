import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '../../../config/app-config.js';
import { ChannelRepository } from '../channel.repository.js';
import { ChannelResponse } from '../dto/channel.dto.js';
import { GetChannelQuery } from './get-channel.query.js';

@QueryHandler(GetChannelQuery)
export class GetChannelHandler implements IQueryHandler<GetChannelQuery> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(query: GetChannelQuery): Promise<ChannelResponse> {
    return ChannelResponse.from(await this.channels.get(query.tenantId, query.channelId), this.config.publicBaseUrl);
  }
}
