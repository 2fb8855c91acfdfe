import { tableAccess } from '../../platform/db/tables.ts';

export type CategoryStatus = 'review' | 'approved' | 'rejected';

export interface CategoryTables {
  /** The enterprise's one business category (经营类目). No row: never chosen (未知). */
  corp_categories: {
    corp_id: string;
    code: string;
    status: CategoryStatus;
    chosen_by_name: string;
    chosen_at: number;
    reviewed_at: number | null;
    review_note: string | null;
    /**
     * The category the operator last approved, in effect while a later choice (`code`) is under review
     * or after it was rejected; null while none was ever approved.
     */
    approved_code: string | null;
    approved_at: number | null;
    /** Bumped on every choice, so an operator's review applies to the choice it was shown. */
    version: number;
  };
  /** 业务负责人: members a super admin designated; they may choose the category too. */
  category_owners: { corp_id: string; member_id: string; created_at: number };
}

export const tables = tableAccess<CategoryTables>();
