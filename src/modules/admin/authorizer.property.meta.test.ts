import { it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A test of the authorizer's property test: in a copy of the code, one check at a time is broken
 * (a mutant), and the property test, run on SQLite at its own budget, must fail on each — so a
 * deleted check is caught in every CI run, not at run 60 of 100. Each mutant is one exact
 * replacement; if the code it breaks changes, the replacement no longer applies and this test says so.
 */

const ROOT = join(import.meta.dirname, '..', '..', '..');
const PROPERTY_TEST = 'src/modules/admin/authorizer.property.test.ts';

interface Mutant {
  name: string;
  file: string;
  find: string;
  replace: string;
}

const MUTANTS: Mutant[] = [
  {
    name: 'departure keeps hierarchical roles (only the super_admins row goes)',
    file: 'src/modules/admin/admin.roles.ts',
    find: "  await admin.deleteFrom('hierarchical_admins').where('corp_id', '=', ctx.corpId).where('member_id', '=', memberId).execute();\n",
    replace: '',
  },
  {
    name: 'departure needs only one of the member’s departments in scope',
    file: 'src/modules/directory/members.service.ts',
    find: 'if (!visibleIn(scope, placement) || !whollyIn(scope, placement)) throw',
    replace: 'if (!visibleIn(scope, placement)) throw',
  },
  {
    name: 'disable ignores the admin-target rule',
    file: 'src/modules/directory/members.service.ts',
    find: "  if (status === 'disabled') await assertNotCreator(ctx, placement);\n  await refuseWiderTarget(ctx, { accountId: placement.row.account_id, memberId });\n",
    replace: "  if (status === 'disabled') await assertNotCreator(ctx, placement);\n",
  },
  {
    name: 'a hierarchical admin delegates departments outside its own scope',
    file: 'src/modules/admin/admin.service.ts',
    find: "  for (const id of requested.departmentIds) if (!governs(id)) throw new DomainError(AdminErrors['admin.exceeds_own_rights'], { department: id });\n",
    replace: '',
  },
];

const run = promisify(execFile);

async function propertyTestOn(mutant: Mutant): Promise<{ failed: boolean; output: string }> {
  const copy = mkdtempSync(join(tmpdir(), 'banyan-mutant-'));
  try {
    for (const part of ['src', 'test', 'package.json', 'tsconfig.json']) cpSync(join(ROOT, part), join(copy, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
    const path = join(copy, mutant.file);
    const source = readFileSync(path, 'utf8');
    assert.equal(source.split(mutant.find).length, 2, `the mutant "${mutant.name}" no longer applies to ${mutant.file}: update it with the code`);
    writeFileSync(path, source.replace(mutant.find, mutant.replace));
    const env: NodeJS.ProcessEnv = { ...process.env, BANYAN_PROPERTY_END_ON_FAILURE: '1' };
    delete env.TEST_DATABASE_URL;
    delete env.REQUIRE_POSTGRES;
    delete env.NODE_TEST_CONTEXT; // the copy reports on its own, not into this run
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', PROPERTY_TEST], { cwd: copy, env, maxBuffer: 64 * 1024 * 1024 });
      return { failed: false, output: stdout + stderr };
    } catch (error) {
      const e = error as { code?: number; stdout?: string; stderr?: string };
      return { failed: e.code === 1, output: (e.stdout ?? '') + (e.stderr ?? '') };
    }
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

it('the admin property test fails on every mutant: each broken check is found at the CI budget', async () => {
  const results = await Promise.all(MUTANTS.map(async (m) => ({ mutant: m, ...(await propertyTestOn(m)) })));
  for (const { mutant, failed, output } of results) {
    assert.ok(failed, `the property test passed with "${mutant.name}"`);
    // It failed on a disagreement with the model, not on a crash of the copy.
    assert.match(output, /step \d+: .*(implementation (allowed|refused), model (refuses|allows))|after step \d+/, `"${mutant.name}": the failure was not a disagreement:\n${output.slice(-2000)}`);
  }
});
