import { Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StoredEventEntity } from './stored-event.entity.js';
import { UnitOfWork } from './unit-of-work.js';

@Global()
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([StoredEventEntity])],
  providers: [UnitOfWork],
  exports: [UnitOfWork],
})
export class OutboxModule {}
