import { z } from 'zod';

/** Configuration read once from the environment, validated, with clear errors. */
const ConfigSchema = z.object({
  VANBAN_DB: z.string().min(1).default('./data/vanban.db'),
});

export type Config = { db: string };

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid configuration: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return { db: parsed.data.VANBAN_DB };
}
