/** `action.http` config (SPEC §7), as validated by its node type schema. */
export interface HttpActionConfig {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';
  url: string;
  headers?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  auth?: {
    type: 'none' | 'basic' | 'bearer' | 'api_key';
    credentialId?: string;
    headerName?: string;
    queryParam?: string;
  };
  timeoutMs?: number;
  retry?: { maxAttempts?: number; initialDelayMs?: number; maxDelayMs?: number };
  responseMapping?: Record<string, string>;
  signing?: { credentialId: string };
  maxResponseBytes?: number;
  rateLimitPerSecond?: number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 1_048_576;
