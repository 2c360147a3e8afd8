import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { ChannelResponse } from '../dto/channel.dto.js';

export class GetChannelQuery extends TenantQuery<ChannelResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly channelId: string,
  ) {
    super(tenantId, actorId);
  }
}
