import { z } from 'zod';

/** Configuration read once from the environment, validated, failing fast with a clear message. */
const url = (schemes: string[]) =>
  z
    .string()
    .url('must be a URL')
    .refine((u) => schemes.some((s) => u.startsWith(`${s}://`)), `must start with ${schemes.map((s) => `${s}://`).join(' or ')}`);

const ConfigSchema = z
  .object({
    VANBAN_DB: z.string().min(1).default('./data/vanban.db'),
    VANBAN_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    VANBAN_HOST: z.string().min(1).default('127.0.0.1'),
    VANBAN_PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    VANBAN_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    VANBAN_RATE_LIMIT: z.coerce.number().int().min(1).default(60).describe('requests per minute per client on audit, extract and upload'),
    VANBAN_WORKERS: z.coerce.number().int().min(1).max(64).default(1).describe('server processes sharing the port (vanban serve)'),
    // scale-out engines: without them the embedded SQLite file answers everything
    VANBAN_NEO4J_URL: url(['bolt', 'bolt+s', 'neo4j', 'neo4j+s']).optional(),
    VANBAN_NEO4J_USER: z.string().min(1).optional(),
    VANBAN_NEO4J_PASSWORD: z.string().min(1).optional(),
    VANBAN_MEILI_URL: url(['http', 'https']).optional(),
    VANBAN_MEILI_KEY: z.string().min(16, 'must be at least 16 characters (Meilisearch refuses shorter master keys)').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.VANBAN_NEO4J_URL && (!c.VANBAN_NEO4J_USER || !c.VANBAN_NEO4J_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['VANBAN_NEO4J_USER'], message: 'VANBAN_NEO4J_URL is set: VANBAN_NEO4J_USER and VANBAN_NEO4J_PASSWORD are needed too' });
    }
    if (!c.VANBAN_NEO4J_URL && (c.VANBAN_NEO4J_USER || c.VANBAN_NEO4J_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['VANBAN_NEO4J_URL'], message: 'a Neo4j user or password is set but no VANBAN_NEO4J_URL' });
    }
    if (!c.VANBAN_MEILI_URL && c.VANBAN_MEILI_KEY) ctx.addIssue({ code: 'custom', path: ['VANBAN_MEILI_URL'], message: 'VANBAN_MEILI_KEY is set but no VANBAN_MEILI_URL' });
  });

export interface Config {
  db: string;
  apiKey: string | undefined;
  host: string;
  port: number;
  logLevel: string;
  rateLimitPerMinute: number;
  /** Server processes sharing the port: one per core answers more requests (`vanban serve --workers`). */
  workers: number;
  neo4j: { url: string; user: string; password: string } | null;
  meili: { url: string; apiKey: string | undefined } | null;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('VANBAN_') && v !== '')));
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  const c = parsed.data;
  return {
    db: c.VANBAN_DB,
    apiKey: c.VANBAN_API_KEY,
    host: c.VANBAN_HOST,
    port: c.VANBAN_PORT,
    logLevel: c.VANBAN_LOG_LEVEL,
    rateLimitPerMinute: c.VANBAN_RATE_LIMIT,
    workers: c.VANBAN_WORKERS,
    neo4j: c.VANBAN_NEO4J_URL ? { url: c.VANBAN_NEO4J_URL, user: c.VANBAN_NEO4J_USER!, password: c.VANBAN_NEO4J_PASSWORD! } : null,
    meili: c.VANBAN_MEILI_URL ? { url: c.VANBAN_MEILI_URL, apiKey: c.VANBAN_MEILI_KEY } : null,
  };
}
