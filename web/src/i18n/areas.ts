import admins from '../features/admins/i18n';
import apiTokens from '../features/api-tokens/i18n';
import apps from '../features/apps/i18n';
import approvals from '../features/approvals/i18n';
import attendance from '../features/attendance/i18n';
import attendanceMachines from '../features/attendance-machines/i18n';
import audit from '../features/audit/i18n';
import certification from '../features/certification/i18n';
import contacts from '../features/contacts/i18n';
import corp from '../features/corp/i18n';
import customers from '../features/customers/i18n';
import customerLink from '../features/acquisition/i18n';
import dataMigration from '../features/data-migration/i18n';
import devices from '../features/devices/i18n';
import docs from '../features/docs/i18n';
import files from '../features/files/i18n';
import inbox from '../features/inbox/i18n';
import integrations from '../features/integrations/i18n';
import memberLinks from '../features/member-links/i18n';
import operatorCategory from '../features/operator-category/i18n';
import operatorWallet from '../features/operator-wallet/i18n';
import operator from '../features/operator/i18n';
import overview from '../features/overview/i18n';
import handover from '../features/handover/i18n';
import security from '../features/security/i18n';
import shell from '../features/shell/i18n';
import sso from '../features/sso/i18n';
import wallet from '../features/wallet/i18n';
// antd's date pickers take month and weekday names from dayjs, which only knows English until told;
// there are no date pickers before sign-in.
import 'dayjs/locale/zh-cn';
import { addAreas, eagerAreas, type Area } from './index';

/**
 * The texts of the signed-in console, one namespace per feature area. They are not in the sign-in
 * page's download: the admin, member and operator layouts import this module, which registers them
 * before any of their pages renders. A new area adds its line here.
 */
export const lazyAreas = {
  shell,
  corp,
  overview,
  audit,
  contacts,
  apiTokens,
  admins,
  apps,
  devices,
  docs,
  files,
  attendanceMachines,
  inbox,
  integrations,
  memberLinks,
  customerLink,
  approvals,
  attendance,
  operator,
  customers,
  security,
  handover,
  sso,
  wallet,
  operatorWallet,
  operatorCategory,
  dataMigration,
  certification,
};

addAreas(lazyAreas);

/** Every namespace, for text whose key (with its namespace) is held in data. */
export const namespaces = [...Object.keys({ ...eagerAreas, ...lazyAreas }), 'errors'] as Area[];
