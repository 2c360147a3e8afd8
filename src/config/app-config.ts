export type AppRole = 'api' | 'worker' | 'all';
export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface QueueDashboardConfig {
  readonly user: string;
  readonly password: string;
}

/**
 * The validated, typed configuration every module reads (never process.env directly).
 * A class so it can be injected by type.
 */
export class AppConfig {
  readonly nodeEnv!: NodeEnv;
  readonly appRole!: AppRole;
  readonly host!: string;
  readonly port!: number;
  /** Where an APP_ROLE=worker process serves GET /metrics (it has no API port); 0 serves none. */
  readonly workerMetricsPort!: number;
  /** Trust X-Forwarded-For (client IPs for rate limits) only behind a proxy you run. */
  readonly trustProxy!: boolean;
  readonly publicBaseUrl!: string;
  /** Unset means "start the embedded PostgreSQL under dataDir". */
  readonly databaseUrl!: string | undefined;
  readonly databasePoolSize!: number;
  readonly redisUrl!: string;
  /** BullMQ key prefix; tests use one per run. */
  readonly queuePrefix!: string;
  readonly dataDir!: string;
  readonly jwtSecret!: string;
  readonly encryptionKey!: string;
  readonly logLevel!: LogLevel;
  /** Node jobs one worker process runs at once. */
  readonly workerConcurrency!: number;
  /** How long a worker's lock on a job lasts; a dead worker's jobs are re-delivered after about this long. */
  readonly workerLockDurationMs!: number;
  /**
   * How often the sweepers look for accepted events and scheduled nodes whose job is lost (default: the
   * lock duration). They only take what is older than two lock durations, so a shorter interval does not
   * queue anything sooner than that; tests shorten it to observe sweeps in seconds.
   */
  readonly sweepIntervalMs!: number;
  readonly bodyLimitBytes!: number;
  /** Inbound webhook requests per second per (webhook, source IP), shared by all instances. */
  readonly ingressRateLimitPerSecond!: number;
  readonly swaggerEnabled!: boolean;
  /** The operators' BullMQ dashboard at /admin/queues (HTTP Basic); undefined when off. */
  readonly queueDashboard!: QueueDashboardConfig | undefined;
  readonly outboundAllowedHosts!: string[];
}
