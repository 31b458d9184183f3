import { z } from 'zod';

/** Configuration read once from the environment, validated, failing fast with a clear message. */
const ConfigSchema = z.object({
  VANBAN_DB: z.string().min(1).default('./data/vanban.db'),
  VANBAN_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  VANBAN_HOST: z.string().min(1).default('127.0.0.1'),
  VANBAN_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  VANBAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VANBAN_RATE_LIMIT: z.coerce.number().int().min(1).default(60).describe('requests per minute per client on audit, extract and upload'),
});

export interface Config {
  db: string;
  apiKey: string | undefined;
  host: string;
  port: number;
  logLevel: string;
  rateLimitPerMinute: number;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('VANBAN_') && v !== '')));
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const c = parsed.data;
  return { db: c.VANBAN_DB, apiKey: c.VANBAN_API_KEY, host: c.VANBAN_HOST, port: c.VANBAN_PORT, logLevel: c.VANBAN_LOG_LEVEL, rateLimitPerMinute: c.VANBAN_RATE_LIMIT };
}
