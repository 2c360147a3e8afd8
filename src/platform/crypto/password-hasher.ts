import { Injectable } from '@nestjs/common';
import { hash, verify, type Options } from '@node-rs/argon2';

// 2 is Algorithm.Argon2id: the package's `const enum` cannot be imported under per-file transpilation (swc).
const ARGON2ID = 2;

/** argon2id with OWASP's recommended minimum: 19 MiB of memory, 2 passes, 1 lane. */
export const PASSWORD_HASH_OPTIONS: Readonly<Options> = Object.freeze({
  algorithm: ARGON2ID,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

@Injectable()
export class PasswordHasher {
  private readonly options = PASSWORD_HASH_OPTIONS;

  hash(password: string): Promise<string> {
    return hash(password, this.options);
  }

  /** False for a wrong password and for a malformed or unsupported hash; never throws on bad input. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    if (typeof passwordHash !== 'string' || typeof password !== 'string' || !passwordHash.startsWith('$argon2'))
      return false;
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }
}
