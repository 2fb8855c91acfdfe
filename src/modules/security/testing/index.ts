/** The policy check's pure parts, for the benchmark that times them alone. */
export { compileIpPolicy, decideIp, restricts, type CompiledIpPolicy } from '../enforcement.ts';
export { IpAllowList, parseRange, type ParsedRange } from '../ip-ranges.ts';
