import type { FieldError } from '../../../platform/errors/domain-error.js';
import { dottedPathKeySchema, nodeRetrySchema, type NodeTypeDefinition } from '../../workflows/index.js';
import { RESPONSE_PATH_PATTERN } from '../mapping/response-mapping.js';
import { httpActionHeaderProblems } from './http-action-headers.js';

const uuid = { type: 'string', format: 'uuid' };
const notAllowed = (message: string) => ({ not: {}, errorMessage: message });

/**
 * Header names are RFC 9110 tokens; values are templates. Headers the HTTP client cannot send (its
 * own, or literal text it refuses) are found by httpActionHeaderProblems (checkConfig).
 */
const headerName = {
  type: 'string',
  minLength: 1,
  maxLength: 100,
  pattern: "^[!#$%&'*+.^_`|~0-9A-Za-z-]+$",
  errorMessage: 'must be a valid HTTP header name',
};
const headers = {
  type: 'object',
  maxProperties: 100,
  propertyNames: headerName,
  additionalProperties: { type: 'string', maxLength: 8192 },
};
const query = {
  type: 'object',
  maxProperties: 100,
  propertyNames: { type: 'string', minLength: 1, maxLength: 200 },
  additionalProperties: { type: 'string', maxLength: 8192 },
};

const TEMPLATE_OPEN = '{{';
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;

/**
 * Why a configured `action.http` URL cannot be used, or undefined when it can. A literal URL must be
 * an absolute http(s) URL with a host and no embedded credentials (those belong in `auth`). A
 * template is checked only as far as its literal start: a scheme written before the first `{{` must
 * be http(s); the rendered URL is checked again at run time by the SSRF guard.
 */
export function httpActionUrlProblem(url: string): string | undefined {
  const templateAt = url.indexOf(TEMPLATE_OPEN);
  if (templateAt !== -1) {
    const scheme = SCHEME.exec(url.slice(0, templateAt))?.[1].toLowerCase();
    return scheme === undefined || scheme === 'http' || scheme === 'https'
      ? undefined
      : `must use http or https, not ${scheme}`;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an absolute http(s) URL or a template containing {{ }}';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return `must use http or https, not ${parsed.protocol.slice(0, -1)}`;
  if (parsed.hostname === '') return 'must name a host';
  if (parsed.username !== '' || parsed.password !== '')
    return 'must not contain credentials; use auth with a credential instead';
  return undefined;
}

/** `action.http` (SPEC §7): one outbound HTTP call. */
export const httpActionNodeType: NodeTypeDefinition = {
  type: 'action.http',
  role: 'step',
  configSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['method', 'url'],
    properties: {
      method: { enum: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD'] },
      url: {
        type: 'string',
        minLength: 1,
        maxLength: 8192,
        // The full check is httpActionUrlProblem (checkConfig); this catches the plain cases up front.
        pattern: '^[Hh][Tt][Tt][Pp][Ss]?://|\\{\\{',
        errorMessage: 'must be an absolute http(s) URL or a template containing {{ }}',
      },
      headers,
      query,
      // Any JSON; strings in it are templates, inserted JSON-encoded.
      body: {},
      auth: {
        type: 'object',
        additionalProperties: false,
        required: ['type'],
        properties: {
          type: { enum: ['none', 'basic', 'bearer', 'api_key'] },
          credentialId: uuid,
          headerName,
          queryParam: { type: 'string', minLength: 1, maxLength: 200 },
        },
        allOf: [
          {
            if: { properties: { type: { const: 'none' } } },
            else: { properties: { credentialId: true }, required: ['credentialId'] },
          },
          {
            if: { properties: { type: { const: 'api_key' } } },
            then: {
              dependentSchemas: {
                headerName: {
                  properties: {
                    queryParam: notAllowed(
                      'cannot be combined with headerName: the key goes either in a header or in the query',
                    ),
                  },
                },
              },
            },
            else: {
              properties: {
                headerName: notAllowed('is only allowed when auth.type is api_key'),
                queryParam: notAllowed('is only allowed when auth.type is api_key'),
              },
            },
          },
        ],
      },
      timeoutMs: { type: 'integer', minimum: 1, maximum: 30_000 },
      // The engine's node retry policy (maxAttempts, backoffMs) plus the call's backoff bounds (§7).
      retry: {
        ...nodeRetrySchema,
        properties: {
          ...nodeRetrySchema.properties,
          initialDelayMs: { type: 'integer', minimum: 0, maximum: 3_600_000 },
          maxDelayMs: {
            type: 'integer',
            minimum: { $data: '1/initialDelayMs' },
            maximum: 3_600_000,
            errorMessage: 'must be an integer from initialDelayMs up to 3600000',
          },
        },
      },
      // `contact.fields.<path>` or `output.<path>` ← a path into the response, like `$.data.id`.
      responseMapping: {
        type: 'object',
        maxProperties: 100,
        propertyNames: {
          ...dottedPathKeySchema,
          pattern: `^(?:contact\\.fields|output)\\.(?:${dottedPathKeySchema.pattern.slice(1, -1)})$`,
          errorMessage: `must be contact.fields.<path> or output.<path>; ${dottedPathKeySchema.errorMessage}`,
        },
        additionalProperties: {
          type: 'string',
          minLength: 1,
          maxLength: 1000,
          // Its own subschema, so that the message names the path syntax only for a string that is not one.
          allOf: [
            {
              pattern: RESPONSE_PATH_PATTERN,
              errorMessage: 'must be a path into the response like $.data.id, $.items[0].id or $["odd key"]',
            },
          ],
        },
      },
      signing: {
        type: 'object',
        additionalProperties: false,
        required: ['credentialId'],
        properties: { credentialId: uuid },
      },
      maxResponseBytes: { type: 'integer', minimum: 1, maximum: 10_485_760 },
      rateLimitPerSecond: { type: 'number', exclusiveMinimum: 0, maximum: 10_000 },
    },
  },
  branches: [],
  checkConfig: (config): FieldError[] => {
    const problem = typeof config.url === 'string' ? httpActionUrlProblem(config.url) : undefined;
    return [
      ...(problem === undefined ? [] : [{ field: 'config.url', message: problem }]),
      ...httpActionHeaderProblems(config),
    ];
  },
};
