import { SECRET_HEADERS, withoutSecretHeaders } from './secret-headers.js';

describe('withoutSecretHeaders', () => {
  const secrets = {
    authorization: 'Bearer t',
    'proxy-authorization': 'Basic x',
    cookie: 'sid=1',
    'x-webhook-token': 't',
    'x-api-key': 'k',
    'x-hub-signature': 'sha1=00',
    'x-hub-signature-256': 'sha256=00',
    'x-signature-256': 'sha256=00',
    'webhook-signature': 'v1,AA==',
  };
  const kept = {
    'content-type': 'application/json',
    'user-agent': 'facebookexternalua',
    'webhook-id': 'msg_1',
    'webhook-timestamp': '1763646300',
    'idempotency-key': 'key-1',
  };

  it('removes every secret header and keeps the others', () => {
    expect(withoutSecretHeaders({ ...secrets, ...kept })).toEqual(kept);
    expect(Object.keys(secrets).sort()).toEqual([...SECRET_HEADERS].sort());
  });

  it('matches names case-insensitively', () => {
    expect(
      withoutSecretHeaders({ Authorization: 'Bearer t', 'X-Hub-Signature-256': 'sha256=00', Accept: '*/*' }),
    ).toEqual({ Accept: '*/*' });
  });

  it('returns a copy and leaves the input alone', () => {
    const headers: Record<string, string | string[] | undefined> = {
      cookie: 'a',
      'x-forwarded-for': ['1.1.1.1', '2.2.2.2'],
    };
    const copy = withoutSecretHeaders(headers);
    expect(copy).toEqual({ 'x-forwarded-for': ['1.1.1.1', '2.2.2.2'] });
    expect(copy).not.toBe(headers);
    expect(headers).toHaveProperty('cookie', 'a');
  });
});
