// Brotli and gzip copies of the built console's text files, written once at build time, so the
// server sends each asset compressed without compressing it on every request (@fastify/static's
// `preCompressed` picks `.br` or `.gz` by the browser's Accept-Encoding).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const COMPRESSIBLE = /\.(js|css|html|svg|json|txt)$/;
/** Below this a compressed copy saves less than its headers cost. */
const MIN_BYTES = 1024;

export function precompressDir(dir: string): number {
  let written = 0;
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (!COMPRESSIBLE.test(path) || !statSync(path).isFile() || statSync(path).size < MIN_BYTES) continue;
    const data = readFileSync(path);
    writeFileSync(`${path}.br`, brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
    written++;
  }
  return written;
}

/** After the build, wherever it wrote (the CLI's first start builds into --web-dir). */
export function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'banyan-precompress',
    apply: 'build',
    configResolved: (config) => void (outDir = config.build.outDir),
    closeBundle: () => void precompressDir(outDir),
  };
}
