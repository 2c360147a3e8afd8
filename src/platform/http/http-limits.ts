/**
 * The longest path segment the router takes (Fastify's `maxParamLength`; longer answers 414). The
 * longest legitimate one is a resume id: `webhook_<uuid>_<node id up to 64>_<32 hex>`, 142 characters.
 */
export const MAX_PATH_PARAM_LENGTH = 200;
