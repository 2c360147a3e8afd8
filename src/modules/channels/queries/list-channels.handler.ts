import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '../../../config/app-config.js';
import { ChannelRepository } from '../channel.repository.js';
import { ChannelResponse, type ChannelPageResponse } from '../dto/channel.dto.js';
import { ListChannelsQuery } from './list-channels.query.js';

@QueryHandler(ListChannelsQuery)
export class ListChannelsHandler implements IQueryHandler<ListChannelsQuery> {
  constructor(
    private readonly channels: ChannelRepository,
    private readonly config: AppConfig,
  ) {}

  async execute(query: ListChannelsQuery): Promise<ChannelPageResponse> {
    const { items, total } = await this.channels
      .scoped()
      .findPage(query.tenantId, {}, query.page, query.limit, { createdAt: 'DESC', id: 'ASC' });
    return {
      items: items.map((channel) => ChannelResponse.from(channel, this.config.publicBaseUrl)),
      page: query.page,
      limit: query.limit,
      total,
    };
  }
}
