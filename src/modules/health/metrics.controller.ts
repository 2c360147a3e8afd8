import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/index.js';
import { MetricsRegistry } from '../../platform/observability/metrics.registry.js';

@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: MetricsRegistry) {}

  /** Prometheus exposition of every flowhook_* metric and the process metrics. */
  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  @ApiOperation({ summary: 'Prometheus metrics' })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'Prometheus text format',
    schema: { type: 'string', example: 'flowhook_http_requests_total{method="GET",route="/health",status="200"} 3' },
  })
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
