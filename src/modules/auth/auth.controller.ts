import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { ProblemThrottlerGuard } from '../../platform/http/problem-throttler.guard.js';
import { Public, RequireRole } from './access/access-policy.decorator.js';
import type { Actor } from './access/actor.js';
import { CurrentActor } from './access/current-actor.decorator.js';
import { onlyLoginThrottles, onlyRegisterThrottles } from './auth-throttlers.js';
import { LoginCommand } from './commands/login.command.js';
import { LogoutCommand } from './commands/logout.command.js';
import { RefreshSessionCommand } from './commands/refresh-session.command.js';
import { RegisterTenantCommand } from './commands/register-tenant.command.js';
import { LoginDto } from './dto/login.dto.js';
import { MeResponse } from './dto/me.response.js';
import { RefreshTokenDto } from './dto/refresh-token.dto.js';
import { RegisterDto } from './dto/register.dto.js';
import { SessionResponse } from './dto/session.response.js';
import { GetMeQuery } from './queries/get-me.query.js';

@ApiTags('auth')
@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Creates a tenant and its owner; answers the owner's tokens. */
  @Post('register')
  @Public()
  @UseGuards(ProblemThrottlerGuard)
  @SkipThrottle(onlyRegisterThrottles)
  @ApiOperation({ summary: 'Register a tenant and its owner' })
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiProblems(400, 409, 429)
  register(@Body() body: RegisterDto): Promise<SessionResponse> {
    return this.commands.execute(new RegisterTenantCommand(body.tenantName, body.email, body.password));
  }

  @Post('login')
  @HttpCode(200)
  @Public()
  @UseGuards(ProblemThrottlerGuard)
  @SkipThrottle(onlyLoginThrottles)
  @ApiOperation({ summary: 'Sign in with email and password' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiProblems(400, 401, 429)
  login(@Body() body: LoginDto): Promise<SessionResponse> {
    return this.commands.execute(new LoginCommand(body.email, body.password));
  }

  /** Rotates the refresh token; presenting a used one revokes every session of its family. */
  @Post('refresh')
  @HttpCode(200)
  @Public()
  @UseGuards(ProblemThrottlerGuard)
  @SkipThrottle({ ...onlyLoginThrottles, 'login-ip-email': true })
  @ApiOperation({ summary: 'Exchange a refresh token for a new token pair' })
  @ApiOkResponse({ type: SessionResponse })
  @ApiProblems(400, 401, 429)
  refresh(@Body() body: RefreshTokenDto): Promise<SessionResponse> {
    return this.commands.execute(new RefreshSessionCommand(body.refreshToken));
  }

  @Post('logout')
  @HttpCode(204)
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Revoke the session family of a refresh token' })
  @ApiNoContentResponse({ description: 'Signed out.' })
  @ApiProblems(400, 401)
  async logout(@CurrentActor() actor: Actor, @Body() body: RefreshTokenDto): Promise<void> {
    await this.commands.execute(new LogoutCommand(actor.tenantId, actor.id, body.refreshToken));
  }

  /** The signed-in user and their tenant (users only; API keys have no user). */
  @Get('me')
  @RequireRole('viewer')
  @ApiOperation({ summary: 'Who am I' })
  @ApiOkResponse({ type: MeResponse })
  @ApiProblems(401, 404)
  me(@CurrentActor() actor: Actor): Promise<MeResponse> {
    return this.queries.execute(new GetMeQuery(actor.tenantId, actor.kind === 'user' ? actor.id : null));
  }
}
