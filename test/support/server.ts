import { resolve } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startServer } from '../../src/server.ts';
import type { Config } from '../../src/config.ts';
import type { Deps } from '../../src/platform/deps.ts';
import { testConfig } from './app.ts';

/**
 * A real server on 127.0.0.1 with a random port, a fresh SQLite database in a temporary directory
 * and the built console, for browser tests. The console runs without animations (antd's motion
 * off): on a busy machine a click on an option still sliding in, or typing into a dialog still
 * zooming open, was lost.
 */
export async function startTestServer(overrides: Partial<Config> = {}): Promise<{ url: string; wecomUrl: string | undefined; deps: Deps; close(): Promise<void> }> {
  const dataDir = mkdtempSync(resolve(tmpdir(), 'banyan-e2e-'));
  const server = await startServer(testConfig({ host: '127.0.0.1', port: 0, dataDir, webDir: resolve('dist/web'), workers: true, consoleMotion: false, ...overrides }));
  return {
    url: server.url,
    wecomUrl: server.wecomUrl,
    deps: server.deps,
    close: async () => {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
