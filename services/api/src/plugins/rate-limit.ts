import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/**
 * Rate limiting for the expensive routes only (they opt in with `config.rateLimit`): audit,
 * extract and upload. Cheap reads (search, documents) are not limited.
 */
export const rateLimitPlugin = fp<{ perMinute: number }>(
  async (app, { perMinute }) => {
    await app.register(rateLimit, {
      global: false,
      max: perMinute,
      timeWindow: 60_000,
      errorResponseBuilder: (_request, context) => ({
        statusCode: 429,
        error: 'Too Many Requests',
        message: `Rate limit of ${context.max} requests per minute exceeded on this route; retry in ${context.after}`,
      }),
    });
  },
  { name: 'vanban-rate-limit' },
);

/** Route config for an expensive route. */
export const expensive = { rateLimit: {} };
