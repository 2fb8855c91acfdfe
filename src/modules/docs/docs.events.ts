import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

export const DocsEvents = defineEvents({
  /** Members @-mentioned in a comment: the inbox tells them after the comment committed. */
  'docs.mentioned': Type.Object({ memberIds: Type.Array(Type.String()), title: Type.String(), body: Type.String(), link: Type.String(), dedupeKey: Type.String() }),
});
