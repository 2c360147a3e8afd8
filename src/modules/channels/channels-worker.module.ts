import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChannelsModule } from './channels.module.js';
import { ChannelEventProcessor } from './ingress/channel-event.processor.js';

/** Processes channel events; only for APP_ROLE worker or all. */
@Module({ imports: [CqrsModule, ChannelsModule], providers: [ChannelEventProcessor] })
export class ChannelsWorkerModule {}
