import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CreateCredentialHandler } from './commands/create-credential.handler.js';
import { DeleteCredentialHandler } from './commands/delete-credential.handler.js';
import { CredentialVault } from './credential-vault.js';
import { CredentialsController } from './credentials.controller.js';
import { CredentialEntity } from './entities/credential.entity.js';
import { ListCredentialsHandler } from './queries/list-credentials.handler.js';

/** Encrypted secrets for outbound calls; other modules read them only through the CredentialVault. */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([CredentialEntity])],
  controllers: [CredentialsController],
  providers: [CredentialVault, CreateCredentialHandler, DeleteCredentialHandler, ListCredentialsHandler],
  exports: [CredentialVault],
})
export class CredentialsModule {}
