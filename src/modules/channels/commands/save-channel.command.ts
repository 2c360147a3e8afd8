import { TenantCommand } from '../../../platform/cqrs/tenant-command.js';
import type { ChannelResponse, CreateChannelDto, UpdateChannelDto } from '../dto/channel.dto.js';

/** Creates a channel (no id) or updates one; credentials are sealed, never returned. */
export class SaveChannelCommand extends TenantCommand<ChannelResponse> {
  constructor(
    tenantId: string,
    actorId: string,
    readonly channelId: string | null,
    readonly input: CreateChannelDto | UpdateChannelDto,
  ) {
    super(tenantId, actorId);
  }
}
