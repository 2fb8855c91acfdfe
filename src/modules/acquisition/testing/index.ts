/** For benchmarks and other modules' tests: an acquisition link made through the module's own service. */
export { createLink } from '../acquisition.service.ts';
