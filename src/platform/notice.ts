import { Type, type Static } from 'typebox';

/**
 * What the console shows for a notice in the reader's language: `notices.<key>.title` and
 * `.body` of the inbox's texts, filled with `params`. By the params' names the console formats
 * them: `…Fen` as an amount in yuan, `…At` / `…Until` as a date and time; the rest as they are.
 */
export const NoticeText = Type.Object({ key: Type.String(), params: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])) });
export type NoticeText = Static<typeof NoticeText>;

/**
 * A message a module announces for members' inboxes (the inbox delivers it after commit, once per
 * member and `dedupeKey`). `title` and `body` are the default language's (zh-CN) text, for clients
 * that show the message as it is; `text` is what the console translates (optional only for events
 * announced before it existed: those show as written).
 */
export const MemberNotice = Type.Object({
  memberIds: Type.Array(Type.String()),
  title: Type.String(),
  body: Type.String(),
  text: Type.Optional(NoticeText),
  link: Type.String(),
  dedupeKey: Type.String(),
});
export type MemberNotice = Static<typeof MemberNotice>;
