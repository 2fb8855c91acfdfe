import type { Kysely } from 'kysely';

/**
 * The summary groups a range of days' clock-ins by day, member and kind and takes each group's
 * first and last time: an index in that order lets it read the range without sorting. It covers
 * what the day index (corp_id, day, member_id) served, which it replaces.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.createIndex('attendance_clockins_day_kind').on('attendance_clockins').columns(['corp_id', 'day', 'member_id', 'kind', 'at']).execute();
  await db.schema.dropIndex('attendance_clockins_day').execute();
}
