import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface PlannedResponse {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A real HTTP server on 127.0.0.1 that records every request. Responses are taken from a queue
 * (then the default), so a spec can script "503, 503, 200"; `hold()` keeps them back until the spec
 * releases them.
 */
export class HttpReceiver {
  readonly requests: ReceivedRequest[] = [];
  private readonly planned: PlannedResponse[] = [];
  private server: Server | undefined;
  port = 0;

  defaultResponse: PlannedResponse = {
    status: 200,
    headers: { 'content-type': 'application/json' },
    body: '{"received":true}',
  };
  /** How long every answer waits (a slow endpoint). */
  responseDelayMs = 0;
  private held: Promise<void> | undefined;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          at: Date.now(),
        });
        const planned = this.planned.shift() ?? this.defaultResponse;
        const answer = () =>
          setTimeout(() => {
            response.writeHead(planned.status, planned.headers ?? {});
            response.end(planned.body ?? '');
          }, this.responseDelayMs);
        if (this.held) void this.held.then(answer);
        else answer();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server!.address() as AddressInfo).port;
    return this;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  plan(...responses: PlannedResponse[]): void {
    this.planned.push(...responses);
  }

  /**
   * Answers nothing until the returned function is called (then every held request is answered):
   * a call that is still in flight for exactly as long as the spec needs, with no guessed delay.
   */
  hold(): () => void {
    let release = () => {};
    this.held = new Promise<void>((resolve) => (release = resolve));
    return () => {
      this.held = undefined;
      release();
    };
  }

  reset(): void {
    this.requests.length = 0;
    this.planned.length = 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
