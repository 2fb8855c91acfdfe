/** For benchmarks and other modules' tests: an API token made through the module's own service. */
export { createToken } from '../tokens.service.ts';
