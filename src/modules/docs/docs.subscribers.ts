import { afterCommit } from '../../platform/events.ts';
import { deliverToInbox } from '../inbox/index.ts';
import { DocsEvents } from './docs.events.ts';

/** @-mentions reach the mentioned members' inbox after the comment committed, once per comment. */
export const docsSubscribers = [
  afterCommit(DocsEvents['docs.mentioned'], 'docs.mention-inbox', async (ctx, m) => {
    await deliverToInbox(ctx, m.memberIds, { app: 'docs', title: m.title, body: m.body, text: m.text, link: m.link, dedupeKey: m.dedupeKey });
  }),
];
