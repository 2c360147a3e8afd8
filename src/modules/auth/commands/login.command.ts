import { Command } from '@nestjs/cqrs';
import type { SessionResponse } from '../dto/session.response.js';

export class LoginCommand extends Command<SessionResponse> {
  constructor(
    readonly email: string,
    readonly password: string,
  ) {
    super();
  }
}
