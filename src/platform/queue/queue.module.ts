import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { PoisonJobs } from './poison-jobs.js';

/** BullMQ on the configured Redis, with the per-deployment (or per-test-run) key prefix. */
@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // Workers block on Redis; their commands must wait for a reconnection rather than fail.
        connection: { url: config.redisUrl, maxRetriesPerRequest: null },
        prefix: config.queuePrefix,
        defaultJobOptions: { removeOnComplete: { count: 1000 }, removeOnFail: { count: 5000 } },
      }),
    }),
  ],
  providers: [PoisonJobs],
  exports: [BullModule, PoisonJobs],
})
export class QueueModule {}
