import { preparedFor } from '../../platform/db/prepared.ts';
import { tableAccess } from '../../platform/db/tables.ts';

export const INDUSTRIES = ['general', 'home_school', 'government', 'education', 'other'] as const;
export type Industry = (typeof INDUSTRIES)[number];
export const LANGUAGES = ['zh-CN', 'en'] as const;
/** The language an enterprise's mail to its people is written in. */
export type CorpLanguage = (typeof LANGUAGES)[number];

export interface CorpTables {
  corps: {
    id: string;
    name: string;
    short_name: string;
    industry: Industry;
    language: CorpLanguage;
    certified_until: number | null;
    creator_account_id: string;
    created_at: number;
    updated_at: number;
  };
}

export const tables = tableAccess<CorpTables>();
export const prepared = preparedFor<CorpTables>();
