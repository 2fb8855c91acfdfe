declare module '../../platform/db/schema.ts' {
  interface Tables {
    inbox_messages: {
      corp_id: string;
      id: string;
      member_id: string;
      app: string;
      title: string;
      body: string;
      link: string | null;
      dedupe_key: string | null;
      created_at: number;
      read_at: number | null;
    };
  }
}
export {};
