// Generates the console's API types from the server's OpenAPI document:
//   node --import tsx scripts/gen-api-types.ts      (npm run gen:api)
// The app is built in-process on an empty in-memory SQLite, as the tests build it; its document
// (`app.swagger()`, the one served at /api/openapi.json) goes through openapi-typescript into
// web/src/api/schema.gen.ts. test/console-api-types.test.ts fails when that file is stale.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString, type OpenAPI3 } from 'openapi-typescript';
import ts from 'typescript';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { ManualClock } from '../src/platform/clock.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { collectMigrations } from '../src/platform/module.ts';
import { manifests } from '../src/modules/index.ts';

export const OUTPUT = join(fileURLToPath(new URL('..', import.meta.url)), 'web', 'src', 'api', 'schema.gen.ts');

const HEADER = `/**
 * Generated from the server's OpenAPI document (the route schemas in src/): do not edit.
 * Regenerate with \`npm run gen:api\` (node --import tsx scripts/gen-api-types.ts).
 */

`;

/** The OpenAPI document of the app as `/api/openapi.json` serves it. */
export async function openApiDocument(): Promise<OpenAPI3> {
  const database = await openDatabase({ dataDir: ':memory:' });
  try {
    await migrateToLatest(database, collectMigrations(manifests));
    // Fixed settings (no environment), so the document does not depend on who runs this; with the
    // payment sandbox on, so the console knows its route (it offers it only where the server says so).
    const config = { ...loadConfig({}, {}), logLevel: 'silent' as const, rateLimitPerMinute: 0, workers: false, webDir: '/nonexistent', sandboxPayments: true };
    const { app } = await buildApp({ config, database, clock: new ManualClock() });
    try {
      await app.ready();
      // A deep copy: openapi-typescript resolves references in place.
      return JSON.parse(JSON.stringify(app.swagger())) as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await database.close();
  }
}

/** The text of web/src/api/schema.gen.ts. */
export async function generateApiTypes(): Promise<string> {
  const ast = await openapiTS(await openApiDocument(), {
    silent: true,
    alphabetize: false,
    // A file in an upload's form is what the console has in hand: a Blob (a File), not a string.
    transform: (schema, options) => (schema.format === 'binary' && options.path?.includes('/requestBody/') ? ts.factory.createTypeReferenceNode('Blob') : undefined),
  });
  return HEADER + astToString(ast);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(OUTPUT, await generateApiTypes());
  console.log(`wrote ${OUTPUT}`);
}
