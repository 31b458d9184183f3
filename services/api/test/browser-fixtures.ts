import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import type { SqliteStore } from '@vanban/store';
import { buildApp, type AppOptions } from '../src/index.js';

export const chromiumPath = process.env.VANBAN_CHROMIUM ?? '/usr/bin/chromium';
export const haveChromium = existsSync(chromiumPath);
// CI installs Chromium (.ci/run): there a missing browser is a failure, never a silent skip
if (process.env.CI && !haveChromium) throw new Error(`Browser tests need Chromium at ${chromiumPath}: apt-get install -y chromium (as .ci/run does), or set VANBAN_CHROMIUM`);

/** A real server on a free port over `store`, and headless Chromium to drive it; `close` ends all three. */
export async function serveToBrowser(store: SqliteStore, options: Omit<AppOptions, 'store'> = {}) {
  const app: FastifyInstance = await buildApp({ store, ...options });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser: Browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ['--no-sandbox'] });
  const close = async (): Promise<void> => {
    await browser.close();
    await app.close();
    store.close();
  };
  return { app, base, browser, close };
}
