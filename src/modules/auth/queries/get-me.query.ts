import { TenantQuery } from '../../../platform/cqrs/tenant-command.js';
import type { MeResponse } from '../dto/me.response.js';

export class GetMeQuery extends TenantQuery<MeResponse> {}
