import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, FastifySchema } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The bodies a route takes, named in its 415 ("application/json { "text": … } or text/plain"). */
    bodyTypes?: string;
  }
}

/** An error the client caused, with the field at fault: sent as is. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly extra: { field?: string; candidates?: unknown[]; file?: string; limit?: number } = {},
  ) {
    super(message);
  }
}

/** "unknown parameter; this route takes q, province, …": the fix is usually a misspelt or misremembered name. */
function unknownParameters(keys: string[], context: string | undefined, schema: FastifySchema | undefined): string {
  const part = context ? (schema as Record<string, unknown> | undefined)?.[context] : undefined;
  const accepted = part instanceof z.ZodObject ? Object.keys(part.shape) : [];
  const names = keys.map((k) => JSON.stringify(k)).join(', ');
  const what = keys.length > 1 ? `unknown parameters ${names}` : `unknown parameter ${names}`;
  return `${what}; this route takes ${accepted.length ? accepted.join(', ') : 'no parameters'}`;
}

/**
 * A request Node's HTTP parser refuses before Fastify sees it (raw UTF-8 in the address, a malformed
 * request line, headers too large, too slow) still gets the one error shape, with an id for the log;
 * Fastify's own answer was `{"message":"Client Error"}`, with no request id and nothing to act on.
 */
export function clientErrorHandler(this: FastifyInstance, error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [statusCode, message] =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'The request was not received in time']
    : error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'The request headers are larger than the server accepts']
    : error.code === 'HPE_INVALID_URL' || error.code === 'HPE_INVALID_CHARACTER' ? [400, 'The address is not valid: characters such as Đ or spaces must be percent-encoded (encodeURIComponent)']
    : [400, `The request could not be parsed (${error.code ?? 'malformed'})`];
  const requestId = `client-error-${randomUUID()}`;
  this.log.info({ err: error, requestId }, 'client error');
  const body = JSON.stringify({ statusCode, error: STATUS_CODES[statusCode], message, requestId });
  if (socket.writable) socket.write(`HTTP/1.1 ${statusCode} ${STATUS_CODES[statusCode]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`);
  socket.destroy(error);
}

/**
 * A request the router refuses before any route sees it — a path whose percent-encoding is not UTF-8
 * (`/api/documents/%E0%A4`), a parameter past the router's length — gets the one error shape with its
 * request id; Fastify's own answer had neither. Fastify's `frameworkErrors` option.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const path = request.url.split('?')[0];
  const [statusCode, message] =
    error.code === 'FST_ERR_BAD_URL' ? [400, `The address is not valid: ${path} is not valid percent-encoded UTF-8 (encode each part with encodeURIComponent)`]
    : error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? [414, `The address is too long: a part of ${path.slice(0, 100)}… is longer than the server accepts`]
    : [500, `Something went wrong on our side; quote request id ${request.id} when reporting it`];
  if (statusCode >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: error.code, path }, 'request refused by the router');
  void reply.code(statusCode).send({ statusCode, error: STATUS_CODES[statusCode], message, requestId: request.id });
}

/**
 * What a body parser's refusal says, and the field at fault: a content type the route does not take
 * is named with the ones it does; any other parser error (invalid or empty JSON, too large) is the body's.
 */
function parserError(error: FastifyError, request: FastifyRequest): { message: string; field: string } | undefined {
  if (!error.code?.startsWith('FST_ERR_CTP_')) return undefined;
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    const type = request.headers['content-type'];
    const accepted = request.routeOptions.config?.bodyTypes ?? 'application/json';
    return { message: `${type ? `Content-Type "${type}"` : 'A body without a Content-Type'} is not accepted here; send ${accepted}`, field: 'headers.content-type' };
  }
  return { message: error.message, field: 'body' };
}

const probedMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/**
 * The methods a route answers at this concrete path ("GET, HEAD"): the Allow of OPTIONS and 405.
 * The web pages' catch-all (`/*`, files) claims every path, so it does not count.
 */
function allowedMethods(app: FastifyInstance, path: string): string[] {
  return probedMethods.filter((method) => {
    const route = app.findRoute({ method, url: path });
    return route !== null && !('*' in route.params);
  });
}

const reasons: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

/**
 * One error shape for every route: `{ statusCode, error, message, field?, requestId }`.
 * 4xx messages pass through (they describe the request); 5xx send a generic message with the
 * request id, and the real error goes to the log only — never a stack trace or SQL to the client.
 */
export const errorsPlugin = fp(
  async (app) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      if (hasZodFastifySchemaValidationErrors(error)) {
        const first = error.validation[0];
        const path = first.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const unknown = first.keyword === 'unrecognized_keys' ? (first.params.keys as string[]) : [];
        const field = [error.validationContext, path, unknown[0]].filter(Boolean).join('.');
        const message = unknown.length ? unknownParameters(unknown, error.validationContext, request.routeOptions.schema) : first.message;
        return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: `${field || 'request'}: ${message}`, field, requestId: request.id });
      }
      const status = error instanceof ApiError ? error.statusCode : (error.statusCode ?? 500);
      if (status >= 500 || isResponseSerializationError(error)) {
        request.log.error({ err: error }, 'request failed');
        return reply.code(500).send({ statusCode: 500, error: 'Internal Server Error', message: `Something went wrong on our side; quote request id ${request.id} when reporting it`, requestId: request.id });
      }
      const parser = error instanceof ApiError ? undefined : parserError(error, request);
      const extra = error instanceof ApiError ? error.extra : parser ? { field: parser.field } : {};
      if (status === 429 && !reply.hasHeader('retry-after')) reply.header('retry-after', '60');
      return reply.code(status).send({ statusCode: status, error: reasons[status] ?? 'Error', message: parser?.message ?? error.message, ...extra, requestId: request.id });
    });
    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0];
      const allowed = allowedMethods(app, path);
      // no route here, or the route itself found nothing (a missing file)
      if (!allowed.length || allowed.includes(request.method)) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `No route ${request.method} ${path}`, requestId: request.id });
      // the path exists under other methods: OPTIONS lists them, any other method is told which
      reply.header('allow', allowed.join(', '));
      if (request.method === 'OPTIONS') return reply.code(204).send();
      return reply.code(405).send({ statusCode: 405, error: 'Method Not Allowed', message: `${request.method} is not allowed on ${path}; use ${allowed.join(' or ')}`, requestId: request.id });
    });
  },
  { name: 'vanban-errors' },
);
