import { PasswordHasher } from './password-hasher.js';

describe('PasswordHasher', () => {
  const hasher = new PasswordHasher();
  let stored = '';

  beforeAll(async () => {
    stored = await hasher.hash('correct horse battery staple');
  });

  it('hashes with argon2id and the OWASP parameters (19 MiB, 2 passes, 1 lane)', () => {
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/);
    expect(stored).not.toContain('correct horse');
  });

  it('salts every hash', async () => {
    expect(await hasher.hash('correct horse battery staple')).not.toBe(stored);
  });

  it('verifies the right password and refuses a wrong one', async () => {
    await expect(hasher.verify(stored, 'correct horse battery staple')).resolves.toBe(true);
    await expect(hasher.verify(stored, 'correct horse battery stapl')).resolves.toBe(false);
    await expect(hasher.verify(stored, '')).resolves.toBe(false);
  });

  it('answers false, never throws, for malformed or foreign hashes', async () => {
    const malformed = [
      '',
      'not-a-hash',
      '$argon2id$',
      '$argon2id$v=19$m=19456,t=2,p=1$bad',
      stored.slice(0, -5) + '!!!!!',
      '$2b$12$abcdefghijklmnopqrstuuJ8y3Z6mS4QxGQ5iW1e6pKJ4j6pTz1a',
    ];
    for (const hash of malformed)
      await expect(hasher.verify(hash, 'correct horse battery staple')).resolves.toBe(false);
    await expect(hasher.verify(undefined as unknown as string, 'x')).resolves.toBe(false);
    await expect(hasher.verify(stored, undefined as unknown as string)).resolves.toBe(false);
  });

  it('handles non-ASCII passwords', async () => {
    const hash = await hasher.hash('pässwörd ✓ 密码');
    await expect(hasher.verify(hash, 'pässwörd ✓ 密码')).resolves.toBe(true);
    await expect(hasher.verify(hash, 'passwörd ✓ 密码')).resolves.toBe(false);
  });
});
