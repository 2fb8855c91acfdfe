import { tableAccess } from '../../platform/db/tables.ts';

export type ApplicationStatus = 'review' | 'approved' | 'rejected';

export interface CertificationTables {
  /** Files an enterprise uploaded for its applications (licence scans), stored by their SHA-256 under the data directory. */
  certification_files: { corp_id: string; sha256: string; mime: string; size: number; name: string; uploaded_by_name: string; created_at: number };
  /** 企业认证 applications: submitted (review), then approved with a validity or rejected with a reason. */
  certification_applications: {
    corp_id: string;
    id: string;
    /** 认证主体: the enterprise's full name once approved; equals `licence_name`. */
    subject_name: string;
    /** The name on the business licence (营业执照). */
    licence_name: string;
    /** 统一社会信用代码. */
    credit_code: string;
    /** SHA-256 of the licence scan (a `certification_files` row of the same enterprise). */
    licence_file: string;
    contact_name: string;
    contact_phone: string;
    status: ApplicationStatus;
    /** The wallet order that paid the review fee; a rejected application's fee carries to the next one. */
    fee_order_id: string;
    /** What this application charged (0 when it used a rejected application's fee). */
    fee_fen: number;
    submitted_by_name: string;
    submitted_at: number;
    reviewed_by_name: string | null;
    reviewed_at: number | null;
    valid_until: number | null;
    reject_reason: string | null;
  };
  /** Expiry warnings sent (30, 7 and 1 days before the end): one row each, so each goes out once. */
  certification_warnings: { corp_id: string; valid_until: number; days: number; sent_at: number };
}

export const tables = tableAccess<CertificationTables>();
