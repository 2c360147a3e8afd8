import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from './problem-details.js';
import { ProblemDetailsDto } from './problem-details.dto.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input; `errors` lists each field.',
  401: 'Missing or invalid credentials.',
  403: 'Authenticated, but the role does not allow this.',
  404: 'Not found (or belongs to another tenant).',
  409: 'Conflicts with the current state.',
  410: 'Gone.',
  413: 'Body larger than the limit.',
  415: 'Unsupported media type.',
  422: 'Semantically invalid.',
  429: 'Too many requests; see Retry-After.',
  503: 'A dependency is unavailable; see Retry-After.',
};

/** Documents the problem-details error responses a route can answer with. */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error.',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetailsDto' } } },
      }),
    ),
  );
}
