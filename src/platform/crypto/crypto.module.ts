import { Global, Module } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { parseMasterKey } from './master-key.js';
import { PasswordHasher } from './password-hasher.js';
import { SecretBox } from './secret-box.js';

/** The app's SecretBox (per-tenant keys from ENCRYPTION_KEY) and password hasher. */
@Global()
@Module({
  providers: [
    {
      provide: SecretBox,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => new SecretBox(parseMasterKey(config.encryptionKey)),
    },
    PasswordHasher,
  ],
  exports: [SecretBox, PasswordHasher],
})
export class CryptoModule {}
