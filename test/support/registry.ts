import { buildRegistry, defineModule, type ModuleManifest, type Registry } from '../../src/platform/module.ts';
import { manifests } from '../../src/modules/index.ts';

/** Banyan's registry plus a module a test declares (its own events, subscribers or jobs). */
export function registryWith(extra: Omit<Partial<ModuleManifest>, 'name'>): Registry {
  return buildRegistry([...manifests, defineModule({ name: 'test', tables: {}, ...extra })]);
}
