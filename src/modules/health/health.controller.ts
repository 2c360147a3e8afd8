import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Redis } from 'ioredis';
import { DependencyUnavailableError } from '../../platform/errors/dependency-unavailable.error.js';
import { Public } from '../auth/index.js';
import { ApiProblems } from '../../platform/http/api-problems.decorator.js';
import { REDIS_CLIENT } from '../../platform/redis/redis.module.js';
import { HealthResponse } from './health.response.js';

const CHECK_TIMEOUT_MS = 1500;

@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(REDIS_CLIENT) private readonly redis: Redis,
  ) {}

  /** Liveness and readiness: 200 when PostgreSQL and Redis both answer, 503 otherwise. */
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness of the API and its dependencies' })
  @ApiOkResponse({ type: HealthResponse })
  @ApiProblems(503)
  async check(): Promise<HealthResponse> {
    try {
      await this.health.check([
        () => this.database.pingCheck('postgres', { timeout: CHECK_TIMEOUT_MS }),
        () => this.pingRedis(),
      ]);
      return { status: 'ok', checks: { postgres: 'up', redis: 'up' } };
    } catch (error) {
      const details = (error as { response?: { error?: Record<string, unknown> } }).response?.error ?? {};
      throw new DependencyUnavailableError(Object.keys(details).length > 0 ? Object.keys(details) : ['a dependency']);
    }
  }

  private async pingRedis() {
    const session = this.indicators.check('redis');
    try {
      await Promise.race([
        this.redis.ping(),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), CHECK_TIMEOUT_MS).unref()),
      ]);
      return session.up();
    } catch {
      return session.down();
    }
  }
}
