// Writes the module graph (a Mermaid diagram of which module imports which, in the order of
// src/modules/index.ts) into docs/architecture.md between its markers. The architecture test fails
// when the page and the code disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { manifests, modules } from '../src/modules/index.ts';
import { analyse, graphBlock, GRAPH_END, GRAPH_START, readSources } from '../test/architecture/checker.ts';

const root = join(import.meta.dirname, '..');
const page = join(root, 'docs/architecture.md');
const doc = readFileSync(page, 'utf8');
const start = doc.indexOf(GRAPH_START);
const end = doc.indexOf(GRAPH_END);
if (start < 0 || end < 0) throw new Error(`docs/architecture.md has no module-graph markers (${GRAPH_START} … ${GRAPH_END})`);
const { edges } = analyse({ modules: manifests.map((m) => ({ name: m.name, tables: Object.keys(m.tables) })), files: readSources(root, 'src') });
writeFileSync(page, doc.slice(0, start) + graphBlock(modules.map((m) => m.name), edges) + doc.slice(end + GRAPH_END.length));
