/**
 * 通讯录: departments (a tree with heads), members, tags, import and export. Other modules read the
 * contacts through the functions below and hear of changes through DirectoryEvents.
 */
import { defineModule } from '../../platform/module.ts';
import { directoryAuditNames } from './directory.audit.ts';
import { DirectoryErrors } from './directory.errors.ts';
import { DirectoryEvents } from './directory.events.ts';
import { directoryRights } from './directory.policy.ts';
import { directoryRoutes } from './directory.routes.ts';
import { departmentPaths } from './directory.service.ts';
import { fillDemoDirectory } from './directory.demo.ts';
import { IMPORT_JOB, importJob } from './imports.jobs.ts';
import * as directoryTables from './migrations/0002_directory.ts';
import * as tagTables from './migrations/0010_directory_tags.ts';
import * as searchIndexes from './migrations/0011_directory_contacts.ts';
import * as importTables from './migrations/0012_directory_imports.ts';
import * as accountCorps from './migrations/0270_directory_account_corps.ts';
import * as nameGrams from './migrations/0271_directory_name_grams.ts';
import * as memberStatus from './migrations/0400_directory_member_status.ts';
import * as memberOfAccount from './migrations/0500_directory_member_of_account.ts';

export const directoryModule = defineModule({
  name: 'directory',
  tables: {
    departments: 'tenant',
    members: 'tenant',
    member_departments: 'tenant',
    department_heads: 'tenant',
    tags: 'tenant',
    tag_members: 'tenant',
    tag_departments: 'tenant',
    directory_imports: 'tenant',
    account_corps: 'reference',
    member_name_grams: 'tenant',
  },
  migrations: { '0002_directory': directoryTables, '0010_directory_tags': tagTables, '0011_directory_contacts': searchIndexes, '0012_directory_imports': importTables, '0270_directory_account_corps': accountCorps, '0271_directory_name_grams': nameGrams, '0400_directory_member_status': memberStatus, '0500_directory_member_of_account': memberOfAccount },
  errors: DirectoryErrors,
  rights: directoryRights,
  events: DirectoryEvents,
  provides: { departmentPaths },
  jobs: [{ kind: IMPORT_JOB, run: importJob }],
  auditNames: directoryAuditNames,
  routes: directoryRoutes,
  demo: fillDemoDirectory,
});

export { DirectoryErrors, DirectoryEvents };
export type { MemberStatus } from './directory.tables.ts';
export type { Activation } from './activation.ts';
export {
  activateMember,
  departmentName,
  departmentsForActor,
  departmentToJoin,
  joinMember,
  mailboxesOfAccount,
  memberToInvite,
  memberToSecure,
  type InviteTarget,
  type Joiner,
  type SecureTarget,
} from './activation.service.ts';
export { directoryDemo, type DirectoryDemo } from './directory.demo.ts';
export {
  activeMemberIds,
  adminMemberIds,
  activeMemberOfAccount,
  corpIdsOfAccount,
  createRootDepartment,
  currentMemberOfAccount,
  departmentChain,
  departmentHeads,
  departmentPaths,
  departmentTree,
  departedMembers,
  expandRecipients,
  isInRecipients,
  getMember,
  headsOf,
  insertMember,
  linkMemberAccount,
  memberForSignIn,
  memberBrief,
  memberDepartmentPaths,
  membersByIds,
  memberIdsByUserid,
  membersInScope,
  membersOfTag,
  peopleToChoose,
  rootDepartmentId,
  tagInfo,
  type DepartmentLink,
  type MemberRecord,
  type MemberSummary,
  type NewMember,
  type People,
  type Recipients,
} from './directory.service.ts';
export { checkRecipients, existingTagIds } from './references.ts';
/** The commands REST runs, for other adapters over the same rules (the WeCom-compatible API). */
export { departments as departmentCommands, members as memberCommands, tags as tagCommands } from './directory.commands.ts';
export type { MemberView } from './members.service.ts';
export { departmentRow, type DepartmentView } from './departments.service.ts';
export { listTags, type TagView, type TagHolders } from './tags.service.ts';
export { importRows, type ImportKind, type RowError } from './import.service.ts';
export { readSheet } from './sheet.ts';
/** Member field rules (the import and other adapters check with the same ones). */
export { emailReason, nameReason, phoneReason, positionReason, useridReason } from './member.rules.ts';
export { directoryCounts, type DirectoryCounts } from './counts.ts';
