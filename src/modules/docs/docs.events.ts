import { defineEvents } from '../../platform/events.ts';
import { MemberNotice } from '../../platform/notice.ts';

export const DocsEvents = defineEvents({
  /** Members @-mentioned in a comment: the inbox tells them after the comment committed. */
  'docs.mentioned': MemberNotice,
});
