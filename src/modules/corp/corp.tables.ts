export const INDUSTRIES = ['general', 'home_school', 'government', 'education', 'other'] as const;
export type Industry = (typeof INDUSTRIES)[number];

declare module '../../platform/db/schema.ts' {
  interface Tables {
    corps: {
      id: string;
      name: string;
      short_name: string;
      industry: Industry;
      certified_until: number | null;
      creator_account_id: string;
      created_at: number;
      updated_at: number;
    };
  }
}
