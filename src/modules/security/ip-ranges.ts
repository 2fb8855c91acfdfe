import ipaddr from 'ipaddr.js';

/** Why an entry of an IP list is refused: not an address or range, or a range with host bits set. */
export type RangeProblem = 'invalid' | 'host_bits';

export interface ParsedRange {
  v6: boolean;
  first: bigint;
  last: bigint;
  /** The entry as stored: IPv4-mapped IPv6 ranges become IPv4 (`::ffff:10.0.0.0/104` → `10.0.0.0/8`). */
  normalized: string;
}

function toBigInt(bytes: readonly number[]): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/**
 * One entry of an IP list: `a.b.c.d/n`, an IPv6 range, or a single address (a /32 or /128).
 * The network must be written with its host bits zero (`203.0.113.5/24` is refused: did the admin
 * mean the address or the network?).
 */
export function parseRange(entry: string): ParsedRange | RangeProblem {
  const text = entry.trim();
  let addr: ipaddr.IPv4 | ipaddr.IPv6;
  let bits: number;
  try {
    if (text.includes('/')) [addr, bits] = ipaddr.parseCIDR(text);
    else {
      addr = ipaddr.parse(text);
      bits = addr.kind() === 'ipv4' ? 32 : 128;
    }
  } catch {
    return 'invalid';
  }
  if (addr.kind() === 'ipv6' && (addr as ipaddr.IPv6).isIPv4MappedAddress() && bits >= 96) {
    addr = (addr as ipaddr.IPv6).toIPv4Address();
    bits -= 96;
  }
  const v6 = addr.kind() === 'ipv6';
  const width = BigInt(v6 ? 128 : 32);
  const value = toBigInt(addr.toByteArray());
  const hostMask = (1n << (width - BigInt(bits))) - 1n;
  if ((value & hostMask) !== 0n) return 'host_bits';
  return { v6, first: value, last: value | hostMask, normalized: `${addr.toString()}/${bits}` };
}

/** A client address as one family and number; IPv4-mapped IPv6 (`::ffff:203.0.113.77`) counts as IPv4. */
export function parseAddress(address: string): { v6: boolean; value: bigint } | undefined {
  try {
    const addr = ipaddr.process(address);
    return { v6: addr.kind() === 'ipv6', value: toBigInt(addr.toByteArray()) };
  } catch {
    return undefined;
  }
}

/** Sorted, merged, non-overlapping intervals of one family: a lookup is a binary search. */
class Intervals {
  readonly #firsts: bigint[] = [];
  readonly #lasts: bigint[] = [];

  constructor(ranges: readonly ParsedRange[]) {
    const sorted = [...ranges].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    for (const r of sorted) {
      const end = this.#lasts.length - 1;
      if (end >= 0 && r.first <= this.#lasts[end]! + 1n) {
        if (r.last > this.#lasts[end]!) this.#lasts[end] = r.last;
      } else {
        this.#firsts.push(r.first);
        this.#lasts.push(r.last);
      }
    }
  }

  has(value: bigint): boolean {
    let lo = 0;
    let hi = this.#firsts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (value < this.#firsts[mid]!) hi = mid - 1;
      else if (value > this.#lasts[mid]!) lo = mid + 1;
      else return true;
    }
    return false;
  }
}

/** An allow list compiled once per policy change: `allows(address)` on every governed request. */
export class IpAllowList {
  readonly #v4: Intervals;
  readonly #v6: Intervals;

  constructor(ranges: readonly ParsedRange[]) {
    this.#v4 = new Intervals(ranges.filter((r) => !r.v6));
    this.#v6 = new Intervals(ranges.filter((r) => r.v6));
  }

  allows(address: string): boolean {
    const parsed = parseAddress(address);
    if (!parsed) return false;
    return (parsed.v6 ? this.#v6 : this.#v4).has(parsed.value);
  }
}
