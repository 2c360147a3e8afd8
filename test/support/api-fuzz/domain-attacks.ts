import type { DraftRequest } from './fuzz-case.js';
import { MAX_JSON_DEPTH } from '../../../src/platform/json/json-depth.js';
import { deepJsonText, LONE_SURROGATE_STRING, NUL_STRING } from './hostile-values.js';
import type { Attack } from './request-attacks.js';
import { isPlainObject } from './schema-values.js';

type Body = Record<string, unknown>;

/** An attack that edits the parsed valid body (what the document cannot describe: node configs, graphs, credential data). */
function edit(inputClass: string, mustRefuse: boolean, change: (body: Body) => unknown): Attack {
  return {
    inputClass,
    mustRefuse,
    apply: (draft: DraftRequest) => {
      const body = draft.body ? (JSON.parse(draft.body.text) as unknown) : {};
      const edited = change(isPlainObject(body) ? structuredClone(body) : {});
      return { ...draft, body: { text: JSON.stringify(edited), contentType: 'application/json' } };
    },
  };
}

const manual = { id: 'start', type: 'trigger.manual', config: {} };
const transform = (id: string, set: Record<string, unknown>) => ({ id, type: 'transform', config: { set } });
const graph = (nodes: object[], edges: object[]) => (body: Body) => ({ ...body, nodes, edges });

/** Graphs the graph rules (§5) refuse: 400 for a bad node, 422 for a bad shape. */
export function workflowGraphAttacks(): Attack[] {
  return [
    edit(
      'graph: unknown node type',
      true,
      graph([manual, { id: 'x', type: 'no.such.type', config: {} }], [{ source: 'start', target: 'x' }]),
    ),
    edit(
      'graph: node config against its schema',
      true,
      graph(
        [manual, { id: 'x', type: 'transform', config: { set: 'not an object' } }],
        [{ source: 'start', target: 'x' }],
      ),
    ),
    edit(
      'graph: template that does not compile',
      true,
      graph([manual, transform('x', { a: '{{ trigger.body. }}' })], [{ source: 'start', target: 'x' }]),
    ),
    edit(
      'graph: NUL in a node config',
      true,
      graph([manual, transform('x', { a: NUL_STRING })], [{ source: 'start', target: 'x' }]),
    ),
    edit(
      'graph: lone surrogate in a node config',
      true,
      graph([manual, transform('x', { a: LONE_SURROGATE_STRING })], [{ source: 'start', target: 'x' }]),
    ),
    edit(
      'graph: a cycle',
      true,
      graph(
        [manual, transform('a', { v: 1 }), transform('b', { v: 2 })],
        [
          { source: 'start', target: 'a' },
          { source: 'a', target: 'b' },
          { source: 'b', target: 'a' },
        ],
      ),
    ),
    edit('graph: an edge to a missing node', true, graph([manual], [{ source: 'start', target: 'ghost' }])),
    edit('graph: no trigger', true, graph([transform('a', { v: 1 })], [])),
    edit(
      'graph: duplicate node ids',
      true,
      graph([manual, transform('a', { v: 1 }), transform('a', { v: 2 })], [{ source: 'start', target: 'a' }]),
    ),
    edit(
      'graph: a branch the source does not have',
      true,
      graph([manual, transform('a', { v: 1 })], [{ source: 'start', target: 'a', branch: 'true' }]),
    ),
    edit(
      'graph: prototype key in a dotted path',
      true,
      graph([manual, transform('a', { '__proto__.polluted': 1 })], [{ source: 'start', target: 'a' }]),
    ),
    edit(
      'graph: 5000 nodes',
      false,
      graph(
        [manual, ...Array.from({ length: 5000 }, (_, i) => transform(`n${i}`, { v: i }))],
        Array.from({ length: 5000 }, (_, i) => ({ source: 'start', target: `n${i}` })),
      ),
    ),
  ];
}

/**
 * `action.http` configs the node schema refuses, and calls that fail. SPEC §11: the test route answers
 * 200 describing any failure of the call, so none of these must be refused.
 */
export function actionConfigAttacks(): Attack[] {
  const config = (change: Body) => (body: Body) => ({
    ...body,
    config: { ...(isPlainObject(body.config) ? body.config : {}), ...change },
  });
  return [
    edit('config: method outside the enum', false, config({ method: 'FETCH' })),
    edit('config: ftp URL', false, config({ url: 'ftp://127.0.0.1/file' })),
    edit('config: credentials in the URL', false, config({ url: 'http://user:pass@10.0.0.1/' })),
    edit('config: unknown property', false, config({ fuzzUnknown: true })),
    edit('config: timeoutMs above 30000', false, config({ timeoutMs: 30_001 })),
    edit('config: header Transfer-Encoding', false, config({ headers: { 'Transfer-Encoding': 'chunked' } })),
    edit('config: header Content-Length too short', false, config({ headers: { 'Content-Length': '1' } })),
    edit('config: template that does not compile', false, config({ body: { id: '{{ trigger.body. }}' } })),
    edit(
      'config: template error at run time',
      false,
      config({ body: { id: '{{ $number("x") + trigger.nope.deeper }}' } }),
    ),
    edit(
      'config: unknown credential',
      false,
      config({ auth: { type: 'bearer', credentialId: '00000000-0000-4000-8000-000000000000' } }),
    ),
    edit(
      'config: URL from a template naming a blocked address',
      false,
      config({ url: '{{ "http://169.254.169.254/" }}latest' }),
    ),
    edit('config: NUL in a header value', false, config({ headers: { 'X-Fuzz': NUL_STRING } })),
  ];
}

/** Credential data that does not fit its type. */
export function credentialDataAttacks(): Attack[] {
  return [
    edit('data: a field of another type', true, (body) => ({
      ...body,
      type: 'bearer',
      data: { username: 'u', password: 'p' },
    })),
    edit('data: a signing secret that is no whsec_ secret', true, (body) => ({
      ...body,
      type: 'signing',
      data: { secret: 'plain' },
    })),
    edit('data: basic username with a colon', true, (body) => ({
      ...body,
      type: 'basic',
      data: { username: 'a:b', password: 'p' },
    })),
    edit('data: NUL in a secret', false, (body) => ({ ...body, type: 'bearer', data: { token: NUL_STRING } })),
  ];
}

/** Webhooks bound to something that is not a `trigger.webhook` node of an existing workflow. */
export function webhookBindingAttacks(): Attack[] {
  return [
    edit('binding: a node that is not trigger.webhook', true, (body) => ({ ...body, nodeId: 'shape' })),
    edit('binding: a node that does not exist', true, (body) => ({ ...body, nodeId: 'ghost' })),
    edit('binding: an unknown workflow', true, (body) => ({
      ...body,
      workflowId: '00000000-0000-4000-8000-000000000000',
    })),
    edit('config: an expectedPayloadSchema that is no JSON Schema', false, (body) => ({
      ...body,
      config: { expectedPayloadSchema: { type: 'no-such-type' } },
    })),
    edit('config: a transformationTemplate that does not compile', false, (body) => ({
      ...body,
      config: { transformationTemplate: { a: '{{ trigger.body. }}' } },
    })),
  ];
}

/**
 * Provider payloads are data: SPEC §12 keeps them (NUL escaped on the way to PostgreSQL), so these
 * must be stored and listed again without a 5xx; the document says nothing about their shape.
 */
export function payloadAttacks(): Attack[] {
  const raw = (inputClass: string, text: string, contentType = 'application/json'): Attack => ({
    inputClass,
    mustRefuse: false,
    apply: (draft) => ({ ...draft, body: { text, contentType } }),
  });
  return [
    edit('payload: NUL in a value', false, (body) => ({ ...body, text: NUL_STRING })),
    edit('payload: NUL in a key', false, (body) => ({ ...body, [NUL_STRING]: 1 })),
    edit('payload: lone surrogate in a value', false, (body) => ({ ...body, text: LONE_SURROGATE_STRING })),
    edit('payload: 100,000 items', false, (body) => ({ ...body, items: Array.from({ length: 100_000 }, (_, i) => i) })),
    edit('payload: extreme numbers', false, (body) => ({ ...body, big: 1e308, small: -1e-308, unsafe: 2 ** 60 })),
    raw(`payload: nested exactly ${MAX_JSON_DEPTH} deep`, deepJsonText(MAX_JSON_DEPTH)),
    raw('payload: form-encoded', 'a=1&b=%00&c=%ED%A0%80', 'application/x-www-form-urlencoded'),
    raw('payload: duplicate keys', '{"a":1,"a":2}'),
    raw('payload: a bare number', '42'),
  ];
}
