import { dereference } from '@readme/openapi-parser';

/** The subset of JSON Schema (OpenAPI 3.0 dialect) the document uses. */
export interface JsonSchema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  nullable?: boolean;
  example?: unknown;
  default?: unknown;
  description?: string;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
const METHODS: readonly HttpMethod[] = ['get', 'post', 'put', 'patch', 'delete'];

export interface OperationParameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required: boolean;
  schema: JsonSchema;
}

export interface DocumentedResponse {
  status: number;
  /** Undefined for a response without a body (204). */
  contentType?: string;
  schema?: JsonSchema;
}

/** One path + method of the document, with every `$ref` resolved. */
export interface FuzzOperation {
  /** `GET /api/workflows/{id}`: how reports and bindings name the operation. */
  key: string;
  method: HttpMethod;
  path: string;
  parameters: OperationParameter[];
  requestBody?: { contentType: string; schema: JsonSchema; required: boolean };
  responses: DocumentedResponse[];
  /** Whether the operation declares a security requirement (bearer or API key). */
  secured: boolean;
}

interface RawParameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface RawMediaTypes {
  [contentType: string]: { schema?: JsonSchema };
}
interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { required?: boolean; content?: RawMediaTypes };
  responses?: Record<string, { content?: RawMediaTypes }>;
  security?: unknown[];
}
interface RawDocument {
  paths: Record<string, Partial<Record<HttpMethod, RawOperation>> & { parameters?: RawParameter[] }>;
}

/** Every operation of an OpenAPI 3 document, dereferenced (the document itself is not modified). */
export async function operationsOf(document: unknown): Promise<FuzzOperation[]> {
  const resolved = (await dereference(
    structuredClone(document) as Parameters<typeof dereference>[0],
  )) as unknown as RawDocument;
  const operations: FuzzOperation[] = [];
  for (const [path, item] of Object.entries(resolved.paths)) {
    for (const method of METHODS) {
      const raw = item[method];
      if (!raw) continue;
      operations.push({
        key: `${method.toUpperCase()} ${path}`,
        method,
        path,
        parameters: [...(item.parameters ?? []), ...(raw.parameters ?? [])].map(toParameter),
        requestBody: requestBodyOf(raw),
        responses: Object.entries(raw.responses ?? {}).map(([status, response]) =>
          toResponse(Number(status), response.content),
        ),
        secured: (raw.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

function toParameter(raw: RawParameter): OperationParameter {
  if (raw.in !== 'path' && raw.in !== 'query' && raw.in !== 'header')
    throw new Error(`unsupported parameter location ${raw.in} (${raw.name})`);
  return { name: raw.name, in: raw.in, required: raw.required ?? raw.in === 'path', schema: raw.schema ?? {} };
}

function requestBodyOf(raw: RawOperation): FuzzOperation['requestBody'] {
  const content = raw.requestBody?.content;
  if (!content) return undefined;
  const [contentType, media] = Object.entries(content)[0];
  return { contentType, schema: media.schema ?? {}, required: raw.requestBody?.required ?? false };
}

function toResponse(status: number, content: RawMediaTypes | undefined): DocumentedResponse {
  if (!content) return { status };
  const [contentType, media] = Object.entries(content)[0];
  return { status, contentType, schema: media.schema };
}
