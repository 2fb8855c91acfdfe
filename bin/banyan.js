#!/usr/bin/env node
// The CLI runs the TypeScript sources through tsx, so a fresh clone needs no compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
