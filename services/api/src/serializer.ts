import type { FastifySerializerCompiler } from 'fastify/types/schema';

/**
 * Responses are serialized with JSON.stringify, without re-validating them against their zod
 * schema on every request: that check cost ~80 µs per document page, a third of the request.
 * The schemas still type every handler's return value (through the zod type provider), document
 * the API (OpenAPI), and the tests parse every route's responses with them (test/contract.test.ts).
 */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data) => JSON.stringify(data);
