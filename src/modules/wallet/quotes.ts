import type { Executor } from '../../platform/db/tables.ts';
import { DomainError } from '../../platform/errors.ts';
import { catalogItem } from './catalog.ts';
import { getWallet } from './ledger.service.ts';
import { WalletErrors } from './wallet.errors.ts';

/**
 * What a paying action will charge, shown before it is confirmed (money never moves on one click):
 * every module that sells with the balance quotes through here, and its purchase carries the
 * quote's total back (`assertQuoted`), so a price that changed in between is refused.
 */
export interface PriceQuote {
  item: string;
  quantity: number;
  /** The catalog price of one unit. */
  unitFen: number;
  /** What this action charges (a prorated upgrade or added seats cost less than quantity × unit). */
  totalFen: number;
  /** Until when what is bought lasts; null when it does not lapse (auto-deduction, until switched off). */
  validUntil: string | null;
  balanceFen: number;
  balanceAfterFen: number;
}

export async function priceQuote(db: Executor, corpId: string, input: { item: string; quantity: number; totalFen: number; validUntil: string | null }): Promise<PriceQuote> {
  const item = catalogItem(input.item);
  if (!item) throw new DomainError(WalletErrors['wallet.unknown_item'], { item: input.item });
  const { balanceFen } = await getWallet(db, corpId);
  return { item: item.key, quantity: input.quantity, unitFen: item.unitFen, totalFen: input.totalFen, validUntil: input.validUntil, balanceFen, balanceAfterFen: balanceFen - input.totalFen };
}

/** Refuses a purchase whose confirmed price is not what it would charge now. */
export function assertQuoted(quotedFen: number | undefined, totalFen: number): void {
  if (quotedFen !== totalFen) throw new DomainError(WalletErrors['wallet.price_changed'], { quotedFen: quotedFen ?? null, totalFen });
}
