import { StoreError } from '../ports.js';

/** What a failure message names: the server, the transaction timeout and the query that failed. */
export interface ErrorContext {
  url: string;
  timeoutMs: number;
  query: string;
}

// Driver-side codes (neo4j-driver-core error.js) and the server's status codes.
const UNREACHABLE = new Set(['ServiceUnavailable', 'SessionExpired']);
// The pool's "Connection acquisition timed out in N ms. Pool status: …" (neo4j-driver-core
// internal/pool/pool.js) comes without a code ('N/A'): every connection is busy or none can be made.
const SOCKET_FAILURE = /ECONNREFUSED|ECONNRESET|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|Could not perform discovery|Failed to connect|Connection acquisition timed out/i;
// A transaction the server ended: Neo.{Client,Transient}Error.Transaction.Terminated (the timeout or
// an administrator's TERMINATE TRANSACTION) and …LockClientStopped (ended while waiting for a lock).
const TERMINATED = new Set([
  'Neo.ClientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.Terminated',
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** A driver or server failure as a StoreError that says what happened, where, and in which query. */
export function toStoreError(cause: unknown, context: ErrorContext): StoreError {
  if (cause instanceof StoreError) return cause;
  const code = typeof (cause as { code?: unknown })?.code === 'string' ? (cause as { code: string }).code : '';
  const message = cause instanceof Error ? cause.message : String(cause);
  // Neo.ClientError.Transaction.TransactionTimedOut and …TransactionTimedOutClientConfiguration (the driver's timeout)
  if (code.includes('TransactionTimedOut')) {
    return new StoreError(`[neo4j] query timed out after ${context.timeoutMs} ms: ${context.query}`, { cause });
  }
  if (TERMINATED.has(code)) {
    return new StoreError(`[neo4j] query timed out after ${context.timeoutMs} ms or was terminated on the server: ${context.query}`, { cause });
  }
  if (UNREACHABLE.has(code) || SOCKET_FAILURE.test(message)) {
    return new StoreError(`[neo4j] cannot reach ${context.url}: ${message}`, { cause });
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit') {
    return new StoreError(`[neo4j] authentication failed at ${context.url}: ${message}`, { cause });
  }
  if (code === 'Neo.ClientError.Schema.ConstraintValidationFailed') {
    return new StoreError(`[neo4j] constraint failed in ${context.query}: ${message}`, { cause });
  }
  return new StoreError(`[neo4j] ${context.query} failed: ${message}`, { cause });
}
