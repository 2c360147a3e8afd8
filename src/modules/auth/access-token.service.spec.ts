import { jest } from '@jest/globals';
import { webcrypto } from 'node:crypto';
import type { AppConfig } from '../../config/app-config.js';
import { AccessTokenService } from './access-token.service.js';

describe('AccessTokenService', () => {
  const config = { jwtSecret: 'unit-test-secret-unit-test-secret-0123456789' } as AppConfig;
  const claims = { sub: 'user-1', tenantId: 'tenant-1', role: 'editor' as const };
  afterEach(() => jest.restoreAllMocks());

  it('verifies what it signed, and imports its key once, not per token', async () => {
    const imports = jest.spyOn(webcrypto.subtle, 'importKey');
    const tokens = new AccessTokenService(config);
    for (let i = 0; i < 3; i++) await expect(tokens.verify(await tokens.sign(claims))).resolves.toEqual(claims);
    expect(imports).toHaveBeenCalledTimes(1);
  });

  it('refuses a token signed with another secret, and anything that is not a token', async () => {
    const other = new AccessTokenService({ jwtSecret: 'another-secret-another-secret-another-secret' } as AppConfig);
    const tokens = new AccessTokenService(config);
    await expect(tokens.verify(await other.sign(claims))).resolves.toBeNull();
    await expect(tokens.verify('not.a.token')).resolves.toBeNull();
  });
});
