import request from 'supertest';

/** Requests the fuzz makes to set things up (not fuzz cases): any status but the expected one is a broken setup. */
export class SeedClient {
  private static ipCounter = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly authorization: Record<string, string>,
  ) {}

  /** The same client acting with other credentials. */
  as(authorization: Record<string, string>): SeedClient {
    return new SeedClient(this.baseUrl, authorization);
  }

  async call<T>(
    method: 'get' | 'post' | 'put' | 'patch' | 'delete',
    path: string,
    body?: unknown,
    expected = [200, 201, 202, 204],
  ): Promise<T> {
    // A client address per setup request, so the per-IP auth throttles never count setup traffic.
    const ip = ++SeedClient.ipCounter;
    let pending = request(this.baseUrl)
      [method](path)
      .set(this.authorization)
      .set('X-Forwarded-For', `10.250.${(ip >> 8) & 255}.${ip & 255}`);
    if (body !== undefined) pending = pending.send(body as object);
    const response = await pending;
    if (!expected.includes(response.status)) {
      throw new Error(
        `fuzz setup ${method.toUpperCase()} ${path} answered ${response.status}: ${response.text.slice(0, 500)}`,
      );
    }
    return response.body as T;
  }
}
