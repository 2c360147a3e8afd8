import { Command } from '@nestjs/cqrs';
import type { SessionResponse } from '../dto/session.response.js';

export class RefreshSessionCommand extends Command<SessionResponse> {
  constructor(readonly refreshToken: string) {
    super();
  }
}
