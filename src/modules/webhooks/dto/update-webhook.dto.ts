import { PartialType } from '@nestjs/swagger';
import { CreateWebhookDto } from './create-webhook.dto.js';

/** The create fields, all optional. */
export class UpdateWebhookDto extends PartialType(CreateWebhookDto) {}
