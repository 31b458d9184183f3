import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();

/** The key a request presents: `x-api-key`, or `Authorization: Bearer …`. */
function presented(request: FastifyRequest): string | null {
  const header = request.headers['x-api-key'];
  if (typeof header === 'string' && header) return header;
  const auth = request.headers.authorization;
  const m = auth ? /^Bearer\s+(.+)$/i.exec(auth) : null;
  return m ? m[1].trim() : null;
}

/**
 * Does the request carry the configured key? Compared in constant time over fixed-length
 * digests, so neither the key's content nor its length leaks through timing.
 */
export function hasValidKey(request: FastifyRequest, expected: string | undefined): boolean {
  const key = presented(request);
  if (!expected || !key) return false;
  return timingSafeEqual(digest(key), digest(expected));
}
