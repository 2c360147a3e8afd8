import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ChannelPageResponse } from '../dto/channel.dto.js';

export class ListChannelsQuery extends TenantQuery<ChannelPageResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly page: number,
    readonly limit: number,
  ) {
    super(tenantId, actorId);
  }
}
