/** 消息: members' inbox. Other modules announce events; the inbox's subscribers deliver them after commit. */
import { defineModule } from '../../platform/module.ts';
import { inboxRoutes } from './inbox.routes.ts';
import { inboxSubscribers } from './inbox.subscribers.ts';
import * as inboxTable from './migrations/0090_inbox.ts';
import * as inboxNotice from './migrations/0091_inbox_notice.ts';

export const inboxModule = defineModule({
  name: 'inbox',
  tables: { inbox_messages: 'tenant' },
  migrations: { '0090_inbox': inboxTable, '0091_inbox_notice': inboxNotice },
  rights: { 'inbox.read': { member: true } },
  subscribers: inboxSubscribers,
  routes: inboxRoutes,
});

/**
 * Delivers a message to members' inboxes, for a module listed after the inbox (which it cannot
 * subscribe to): call it from that module's own `afterCommit` subscriber, so it runs once the change
 * committed, and pass a `dedupeKey` so a redelivered event reaches each member once.
 */
export { deliver as deliverToInbox, type InboxMessage } from './inbox.service.ts';
