import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { generateApiTypes, OUTPUT } from '../scripts/gen-api-types.ts';

/** Where two texts first differ, as a line number and both lines. */
function firstDifference(actual: string, expected: string): string {
  const a = actual.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, i) => text !== b[i]);
  const at = line === -1 ? a.length : line;
  return `line ${at + 1}:\n  committed: ${JSON.stringify(a[at] ?? '(end of file)')}\n  generated: ${JSON.stringify(b[at] ?? '(end of file)')}`;
}

describe("the console's API types (web/src/api/schema.gen.ts)", () => {
  it("are generated from the server's current OpenAPI document", async () => {
    const generated = await generateApiTypes();
    const committed = readFileSync(OUTPUT, 'utf8');
    assert.ok(
      committed === generated,
      `web/src/api/schema.gen.ts is stale: the server's route schemas changed (or the file was edited by hand). Run \`npm run gen:api\` and commit the result.\nFirst difference at ${firstDifference(committed, generated)}`,
    );
  });
});
