import { EventsHandler, type IEventHandler } from '@nestjs/cqrs';
import {
  ExecutionCancelledEvent,
  ExecutionFailedEvent,
  ExecutionStartedEvent,
  ExecutionSucceededEvent,
} from '../../executions/index.js';
import { ExecutionMetrics, type ExecutionMetricStatus } from './execution-metrics.js';

type ExecutionEvent = ExecutionStartedEvent | ExecutionSucceededEvent | ExecutionFailedEvent | ExecutionCancelledEvent;

const STATUS_BY_EVENT: Record<ExecutionEvent['type'], ExecutionMetricStatus> = {
  'execution.started': 'started',
  'execution.succeeded': 'succeeded',
  'execution.failed': 'failed',
  'execution.cancelled': 'cancelled',
};

/** Counts execution outcomes from the domain events published after commit (never from the write path). */
@EventsHandler(ExecutionStartedEvent, ExecutionSucceededEvent, ExecutionFailedEvent, ExecutionCancelledEvent)
export class ExecutionMetricsHandler implements IEventHandler<ExecutionEvent> {
  constructor(private readonly metrics: ExecutionMetrics) {}

  handle(event: ExecutionEvent): void {
    this.metrics.record(STATUS_BY_EVENT[event.type]);
  }
}
