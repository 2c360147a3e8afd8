import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Redis } from 'ioredis';
import { AppConfig } from '../../config/app-config.js';
import { RedisThrottlerStorage } from '../../platform/http/redis-throttler.storage.js';
import { REDIS_CLIENT } from '../../platform/redis/redis.module.js';
import { AccessGuard } from './access/access.guard.js';
import { CredentialsAuthenticator } from './access/credentials-authenticator.js';
import { AccessTokenService } from './access-token.service.js';
import { ApiKeysController } from './api-keys.controller.js';
import { AuthController } from './auth.controller.js';
import { authThrottlerOptions } from './auth-throttlers.js';
import { ChangeUserRoleHandler } from './commands/change-user-role.handler.js';
import { CreateApiKeyHandler } from './commands/create-api-key.handler.js';
import { CreateUserHandler } from './commands/create-user.handler.js';
import { DeleteUserHandler } from './commands/delete-user.handler.js';
import { LoginHandler } from './commands/login.handler.js';
import { LogoutHandler } from './commands/logout.handler.js';
import { RefreshSessionHandler } from './commands/refresh-session.handler.js';
import { RegisterTenantHandler } from './commands/register-tenant.handler.js';
import { RevokeApiKeyHandler } from './commands/revoke-api-key.handler.js';
import { ApiKeyEntity } from './entities/api-key.entity.js';
import { RefreshTokenEntity } from './entities/refresh-token.entity.js';
import { TenantEntity } from './entities/tenant.entity.js';
import { UserEntity } from './entities/user.entity.js';
import { GetMeHandler } from './queries/get-me.handler.js';
import { ListApiKeysHandler } from './queries/list-api-keys.handler.js';
import { ListUsersHandler } from './queries/list-users.handler.js';
import { SessionIssuer } from './session-issuer.js';
import { UsersController } from './users.controller.js';

/** Tenants, users, sessions and API keys; exports the AccessGuard every route passes through. */
@Module({
  imports: [
    CqrsModule,
    TypeOrmModule.forFeature([TenantEntity, UserEntity, RefreshTokenEntity, ApiKeyEntity]),
    ThrottlerModule.forRootAsync({
      inject: [REDIS_CLIENT, AppConfig],
      useFactory: (redis: Redis, config: AppConfig) => ({
        ...authThrottlerOptions(),
        storage: new RedisThrottlerStorage(redis, config),
      }),
    }),
  ],
  controllers: [AuthController, UsersController, ApiKeysController],
  providers: [
    AccessTokenService,
    CredentialsAuthenticator,
    SessionIssuer,
    { provide: APP_GUARD, useClass: AccessGuard },
    RegisterTenantHandler,
    LoginHandler,
    RefreshSessionHandler,
    LogoutHandler,
    CreateUserHandler,
    ChangeUserRoleHandler,
    DeleteUserHandler,
    CreateApiKeyHandler,
    RevokeApiKeyHandler,
    GetMeHandler,
    ListUsersHandler,
    ListApiKeysHandler,
  ],
})
export class AuthModule {}
