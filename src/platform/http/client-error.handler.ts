import { randomUUID } from 'node:crypto';
import { maxHeaderSize, STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { clientProblem, PROBLEM_CONTENT_TYPE } from './problem-details.js';

interface ParserRefusal {
  status: number;
  detail: string;
}

/** Node's HTTP parser errors (llhttp codes) a client can cause, by what they mean to that client. */
const REFUSALS: Record<string, ParserRefusal> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    detail: `The request line and headers are larger than ${Math.floor(maxHeaderSize / 1024)} KiB.`,
  },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, detail: 'The request was not received in time.' },
  HPE_INVALID_CONTENT_LENGTH: { status: 400, detail: 'The Content-Length header is not a valid length.' },
  HPE_UNEXPECTED_CONTENT_LENGTH: {
    status: 400,
    detail: 'Content-Length cannot be sent together with Transfer-Encoding: chunked.',
  },
  HPE_INVALID_TRANSFER_ENCODING: { status: 400, detail: 'The Transfer-Encoding header is invalid.' },
  HPE_INVALID_HEADER_TOKEN: { status: 400, detail: 'A header name or value holds characters HTTP does not allow.' },
  HPE_INVALID_METHOD: { status: 400, detail: 'The request method is not a valid HTTP method.' },
  HPE_INVALID_URL: { status: 400, detail: 'The request target is not a valid URL.' },
};
const MALFORMED: ParserRefusal = { status: 400, detail: 'The request is not valid HTTP/1.1.' };

/**
 * Fastify's `clientErrorHandler` (Node's `clientError`): requests Node's parser refuses before any
 * request object exists — headers over the limit (431), an invalid Content-Length, a timeout — still
 * get problem details and an `X-Request-Id`. There is no path yet, so `instance` names the occurrence
 * by that id (`urn:uuid:…`), which the log line carries too.
 */
export function createClientErrorHandler(logger: Logger) {
  return (error: Error & { code?: string }, socket: Duplex): void => {
    if (error.code === 'ECONNRESET' || socket.destroyed) return;
    const requestId = randomUUID();
    const { status, detail } = (error.code && REFUSALS[error.code]) || MALFORMED;
    const body = JSON.stringify(clientProblem(status, detail, `urn:uuid:${requestId}`));
    logger.info({ correlationId: requestId, status, code: error.code }, 'request refused by the HTTP parser');
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n` +
        `Content-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        `X-Request-Id: ${requestId}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
      () => socket.destroy(),
    );
  };
}
