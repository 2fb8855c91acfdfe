import type { Ctx } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { parseRange } from './ip-ranges.ts';
import { checkScope, savePolicy } from './policies.service.ts';
import { SecurityErrors } from './security.errors.ts';
import { SURFACES, type IpPolicy } from './security.schema.ts';

/**
 * Saves the IP 访问限制 policy. Every entry must be an address or a network with its host bits
 * zero; the first that is not is refused naming it (`/mail/3`, `203.0.113.5/24`), nothing saved.
 * Entries are stored normalised (IPv4-mapped IPv6 as IPv4) and without repeats.
 */
export async function saveIpPolicy(ctx: Ctx, input: IpPolicy): Promise<IpPolicy> {
  const lists = { mail: [] as string[], drive: [] as string[] };
  for (const surface of SURFACES) {
    for (const [i, entry] of input[surface].entries()) {
      const parsed = parseRange(entry);
      if (parsed === 'invalid') throw new DomainError(SecurityErrors['security.invalid_range'], { field: `/${surface}/${i}`, entry });
      if (parsed === 'host_bits') throw new DomainError(SecurityErrors['security.host_bits'], { field: `/${surface}/${i}`, entry });
      if (!lists[surface].includes(parsed.normalized)) lists[surface].push(parsed.normalized);
    }
  }
  await checkScope(ctx, input.exempt, '/exempt');
  return savePolicy(ctx, 'ip', { enabled: input.enabled, ...lists, exempt: input.exempt });
}
