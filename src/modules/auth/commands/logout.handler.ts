import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { sha256Hex } from '../../../platform/crypto/tokens.js';
import { LogoutCommand } from './logout.command.js';

@CommandHandler(LogoutCommand)
export class LogoutHandler implements ICommandHandler<LogoutCommand> {
  constructor(private readonly dataSource: DataSource) {}

  async execute(command: LogoutCommand): Promise<void> {
    await this.dataSource.query(
      `UPDATE refresh_tokens SET revoked_at = now()
        WHERE revoked_at IS NULL AND family_id IN (
          SELECT family_id FROM refresh_tokens WHERE token_hash = $1 AND tenant_id = $2 AND user_id = $3)`,
      [sha256Hex(command.refreshToken), command.tenantId, command.actorId],
    );
  }
}
