import { afterCommit } from '../../platform/events.ts';
import { AppEvents } from '../apps/index.ts';
import { ApprovalEvents } from '../approval/index.ts';
import { CertificationEvents } from '../certification/index.ts';
import { DataMigrationEvents } from '../datamigration/index.ts';
import { WalletEvents } from '../wallet/index.ts';
import { deliver, withdraw } from './inbox.service.ts';

/**
 * The inbox is written only here: other modules announce what members should read, and the inbox
 * delivers it after their change committed, once per member and key.
 */
export const inboxSubscribers = [
  afterCommit(ApprovalEvents['approval.notified'], 'inbox.approval', async (ctx, n) => {
    await deliver(ctx, n.memberIds, { app: 'approvals', title: n.title, body: n.body, text: n.text, link: n.link, dedupeKey: n.dedupeKey });
  }),
  afterCommit(WalletEvents['wallet.balance_low'], 'inbox.balance-alert', async (ctx, n) => {
    await deliver(ctx, n.memberIds, { app: 'features', title: n.title, body: n.body, text: n.text, link: n.link, dedupeKey: n.dedupeKey });
  }),
  afterCommit(CertificationEvents['certification.notified'], 'inbox.certification', async (ctx, n) => {
    await deliver(ctx, n.memberIds, { app: 'features', title: n.title, body: n.body, text: n.text, link: n.link, dedupeKey: n.dedupeKey });
  }),
  afterCommit(DataMigrationEvents['datamigration.notified'], 'inbox.data-migration', async (ctx, n) => {
    await deliver(ctx, n.memberIds, { app: 'features', title: n.title, body: n.body, text: n.text, link: n.link, dedupeKey: n.dedupeKey });
  }),
  afterCommit(AppEvents['app.message_sent'], 'inbox.app-message', async (ctx, m) => {
    await deliver(ctx, m.memberIds, { app: m.appId, title: m.title, body: m.body, dedupeKey: m.key });
  }),
  afterCommit(AppEvents['app.message_recalled'], 'inbox.app-message-recall', async (ctx, m) => {
    await withdraw(ctx, m.appId, m.key);
  }),
];
