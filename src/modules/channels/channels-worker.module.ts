import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ChannelsModule } from './channels.module.js';
import { ChannelEventProcessor } from './ingress/channel-event.processor.js';
import { UnprocessedChannelEventSweeper } from './ingress/unprocessed-channel-event.sweeper.js';

/** Processes channel events and re-queues stored-but-unqueued ones; only for APP_ROLE worker or all. */
@Module({ imports: [CqrsModule, ChannelsModule], providers: [ChannelEventProcessor, UnprocessedChannelEventSweeper] })
export class ChannelsWorkerModule {}
