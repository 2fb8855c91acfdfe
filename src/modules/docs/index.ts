/**
 * 文档/表格: spaces (a member's own, team spaces), documents with tables and sheets with cells,
 * shared 仅浏览/可编辑 per member, department or tag or by link; comments with @mentions; revisions
 * cut per person every 50 cells; .xlsx import (with its notes) and export. The rules are the seed
 * article 文档/表格使用常见问题's.
 */
import { defineModule } from '../../platform/module.ts';
import { DocsErrors } from './docs.errors.ts';
import { DocsEvents } from './docs.events.ts';
import { docsRights } from './docs.policy.ts';
import { docsRoutes } from './docs.routes.ts';
import { docsSubscribers } from './docs.subscribers.ts';
import * as docsTables from './migrations/0300_docs.ts';
import * as docsImages from './migrations/0440_docs_images.ts';

export const docsModule = defineModule({
  name: 'docs',
  tables: {
    docs_spaces: 'tenant',
    docs_space_members: 'tenant',
    docs_files: 'tenant',
    docs_shares: 'tenant',
    docs_link_visitors: 'tenant',
    docs_doc_tables: 'tenant',
    docs_sheets: 'tenant',
    docs_cells: 'tenant',
    docs_comments: 'tenant',
    docs_pending_cells: 'tenant',
    docs_revisions: 'tenant',
    docs_revision_cells: 'tenant',
    docs_settings: 'tenant',
    docs_images: 'tenant',
  },
  migrations: { '0300_docs': docsTables, '0440_docs_images': docsImages },
  errors: DocsErrors,
  rights: docsRights,
  events: DocsEvents,
  subscribers: docsSubscribers,
  routes: docsRoutes,
});

export { DocsErrors, DocsEvents };
/** 数据资产交接: what of a departed member's docs waits for a successor, and moving it. */
export { docsAssetsOf, handOverDocs, type DocsAssets } from './handover.service.ts';
