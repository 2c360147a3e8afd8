import type { Response } from 'supertest';

/** Asserts an RFC 9457 problem-details answer with all five members and the given status. */
export function expectProblem(response: Response, status: number, typeSuffix?: string): void {
  expect(response.status).toBe(status);
  expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(response.body).toEqual(
    expect.objectContaining({
      type: expect.any(String),
      title: expect.any(String),
      status,
      detail: expect.any(String),
      instance: expect.any(String),
    }),
  );
  if (typeSuffix) expect(response.body.type).toBe(`urn:flowhook:problem:${typeSuffix}`);
  expect(JSON.stringify(response.body)).not.toMatch(/at \w+ \(|node_modules|SELECT |INSERT /);
}
