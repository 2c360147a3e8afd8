import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { MAX_PATH_PARAM_LENGTH } from './http-limits.js';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';

export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` lists each field.',
  401: 'Missing or invalid credentials.',
  403: 'Authenticated, but the role does not allow this.',
  404: 'Not found (or belongs to another tenant).',
  408: 'The request was not received in time.',
  409: 'Conflicts with the current state.',
  410: 'Gone.',
  413: 'Body larger than the limit.',
  414: `A path segment longer than ${MAX_PATH_PARAM_LENGTH} characters.`,
  415: 'Unsupported media type.',
  422: 'Semantically invalid.',
  429: 'Too many requests; see Retry-After.',
  431: 'Request line and headers larger than the HTTP parser accepts (16 KiB by default); `instance` is `urn:uuid:<X-Request-Id>`.',
  503: 'A dependency is unavailable; see Retry-After.',
};

export const PROBLEM_CONTENT = {
  [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } },
};

/** Documents the problem-details error responses a route can answer with. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: PROBLEM_DESCRIPTIONS[status] ?? 'Error.',
        content: PROBLEM_CONTENT,
      }),
    ),
  );
}
