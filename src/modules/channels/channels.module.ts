import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueNames } from '../../platform/queue/queue-names.js';
import { ContactsModule } from '../contacts/index.js';
import { ExecutionsModule } from '../executions/index.js';
import { WorkflowsModule } from '../workflows/index.js';
import { WebhookProvidersModule } from '../webhook-providers/index.js';
import { ChannelRepository } from './channel.repository.js';
import { ChannelsController } from './channels.controller.js';
import { DeleteChannelHandler } from './commands/delete-channel.handler.js';
import { FailChannelEventHandler } from './commands/fail-channel-event.handler.js';
import { ProcessChannelEventHandler } from './commands/process-channel-event.handler.js';
import { SaveChannelHandler } from './commands/save-channel.handler.js';
import { ChannelEntity } from './entities/channel.entity.js';
import { ChannelIngressController } from './ingress/channel-ingress.controller.js';
import { ChannelIngressService } from './ingress/channel-ingress.service.js';
import { GetChannelHandler } from './queries/get-channel.handler.js';
import { ListChannelsHandler } from './queries/list-channels.handler.js';

/** Connected provider accounts and their ingress, fanning events out to trigger.channel workflows. */
@Module({
  imports: [
    CqrsModule,
    ExecutionsModule,
    WorkflowsModule,
    ContactsModule,
    WebhookProvidersModule,
    TypeOrmModule.forFeature([ChannelEntity]),
    BullModule.registerQueue({
      name: QueueNames.channelEvents,
      defaultJobOptions: { attempts: 8, backoff: { type: 'exponential', delay: 500 } },
    }),
  ],
  controllers: [ChannelsController, ChannelIngressController],
  providers: [
    ChannelRepository,
    ChannelIngressService,
    SaveChannelHandler,
    DeleteChannelHandler,
    ListChannelsHandler,
    GetChannelHandler,
    ProcessChannelEventHandler,
    FailChannelEventHandler,
  ],
  exports: [BullModule],
})
export class ChannelsModule {}
