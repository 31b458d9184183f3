import { z } from 'zod';

/**
 * Configuration read once from the environment, validated, failing fast with a clear message. The
 * messages are in Vietnamese: whoever starts `vanban` reads them on the terminal.
 */
const url = (schemes: string[]) =>
  z
    .string()
    .url('phải là một địa chỉ URL')
    .refine((u) => schemes.some((s) => u.startsWith(`${s}://`)), `phải bắt đầu bằng ${schemes.map((s) => `${s}://`).join(' hoặc ')}`);
const integer = (min: number, max?: number) => {
  const message = max === undefined ? `phải là số nguyên từ ${min} trở lên` : `phải là số nguyên từ ${min} đến ${max}`;
  const n = z.coerce.number({ message }).int(message).min(min, message);
  return max === undefined ? n : n.max(max, message);
};
const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const ConfigSchema = z
  .object({
    VANBAN_DB: z.string().min(1).default('./data/vanban.db'),
    VANBAN_API_KEY: z.string().min(16, 'phải dài ít nhất 16 ký tự').optional(),
    VANBAN_HOST: z.string().min(1).default('127.0.0.1'),
    VANBAN_PORT: integer(0, 65535).default(3000),
    VANBAN_LOG_LEVEL: z.enum(logLevels, { message: `phải là một trong: ${logLevels.join(', ')}` }).default('info'),
    VANBAN_RATE_LIMIT: integer(1).default(60).describe('requests per minute per client on audit, extract and upload'),
    VANBAN_WORKERS: integer(1, 64).default(1).describe('server processes sharing the port (vanban serve)'),
    // scale-out engines: without them the embedded SQLite file answers everything
    VANBAN_NEO4J_URL: url(['bolt', 'bolt+s', 'neo4j', 'neo4j+s']).optional(),
    VANBAN_NEO4J_USER: z.string().min(1).optional(),
    VANBAN_NEO4J_PASSWORD: z.string().min(1).optional(),
    VANBAN_MEILI_URL: url(['http', 'https']).optional(),
    VANBAN_MEILI_KEY: z.string().min(16, 'phải dài ít nhất 16 ký tự (Meilisearch không nhận khóa chủ ngắn hơn)').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.VANBAN_NEO4J_URL && (!c.VANBAN_NEO4J_USER || !c.VANBAN_NEO4J_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['VANBAN_NEO4J_USER'], message: 'đã đặt VANBAN_NEO4J_URL nên cần cả VANBAN_NEO4J_USER và VANBAN_NEO4J_PASSWORD' });
    }
    if (!c.VANBAN_NEO4J_URL && (c.VANBAN_NEO4J_USER || c.VANBAN_NEO4J_PASSWORD)) {
      ctx.addIssue({ code: 'custom', path: ['VANBAN_NEO4J_URL'], message: 'đã đặt người dùng hoặc mật khẩu Neo4j nhưng chưa có VANBAN_NEO4J_URL' });
    }
    if (!c.VANBAN_MEILI_URL && c.VANBAN_MEILI_KEY) ctx.addIssue({ code: 'custom', path: ['VANBAN_MEILI_URL'], message: 'đã đặt VANBAN_MEILI_KEY nhưng chưa có VANBAN_MEILI_URL' });
  });

/** The environment holds an invalid setting: one line per problem, each naming its variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Cấu hình không hợp lệ (biến môi trường): ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

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
  if (!parsed.success) throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
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
