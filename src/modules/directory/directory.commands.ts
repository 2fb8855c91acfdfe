import { createHash } from 'node:crypto';
import { command } from '../../platform/command.ts';
import { createDepartment, deleteDepartment, listDepartments, moveDepartment, renameDepartment, setDepartmentHeads } from './departments.service.ts';
import { createMember, deleteMember, departMember, editedMemberView, listMembers, memberView, setMemberStatus, updateMember, type MemberInput, type MemberPatch, type MemberQuery } from './members.service.ts';
import { changeTagHolders, createTag, deleteTag, listTags, renameTag, tagHolders, type HolderChange } from './tags.service.ts';
import { activationCounts } from './activation.service.ts';
import { importStatus, submitImport, type ImportUpload } from './imports.jobs.ts';

/**
 * 通讯录: what can be done to the contacts, and the right each needs. Reads follow the actor's read
 * scope, changes its manage scope (scope.ts); the services check every department and member.
 */
const read = { right: 'contacts.read', tx: 'read' } as const;
const manage = { right: 'contacts.manage', tx: 'plain' } as const;

export const departments = {
  list: command(read, (ctx) => listDepartments(ctx)),
  create: command({ ...manage, idempotent: 'contacts.department' }, (ctx, input: { parentId: string; name: string }) => createDepartment(ctx, input)),
  rename: command(manage, (ctx, input: { id: string; name: string }) => renameDepartment(ctx, input.id, input.name)),
  move: command(manage, (ctx, input: { id: string; parentId: string; index?: number | undefined }) => moveDepartment(ctx, input.id, input)),
  remove: command(manage, (ctx, id: string) => deleteDepartment(ctx, id)),
  setHeads: command(manage, (ctx, input: { id: string; memberIds: string[] }) => setDepartmentHeads(ctx, input.id, input.memberIds)),
};

export const members = {
  list: command(read, (ctx, query: MemberQuery) => listMembers(ctx, query)),
  counts: command(read, (ctx) => activationCounts(ctx)),
  get: command(read, (ctx, id: string) => memberView(ctx, id)),
  create: command({ ...manage, idempotent: 'contacts.member' }, async (ctx, input: MemberInput) => memberView(ctx, await createMember(ctx, input))),
  update: command(manage, async (ctx, input: { id: string; patch: MemberPatch }) => {
    await updateMember(ctx, input.id, input.patch);
    return editedMemberView(ctx, input.id);
  }),
  setStatus: command(manage, (ctx, input: { id: string; status: 'active' | 'disabled' }) => setMemberStatus(ctx, input.id, input.status)),
  depart: command(manage, (ctx, id: string) => departMember(ctx, id)),
  remove: command(manage, (ctx, id: string) => deleteMember(ctx, id)),
};

export const tags = {
  list: command(read, (ctx) => listTags(ctx.trx, ctx.corpId)),
  create: command(manage, (ctx, name: string) => createTag(ctx, name)),
  rename: command(manage, (ctx, input: { id: string; name: string }) => renameTag(ctx, input.id, input.name)),
  remove: command(manage, (ctx, id: string) => deleteTag(ctx, id)),
  holders: command(read, (ctx, id: string) => tagHolders(ctx.trx, ctx.corpId, id)),
  changeHolders: command(manage, async (ctx, input: { id: string; change: HolderChange }) => {
    await changeTagHolders(ctx, input.id, input.change);
    return tagHolders(ctx.trx, ctx.corpId, input.id);
  }),
};

export const imports = {
  // The idempotency fingerprint names the file by its digest rather than carrying its bytes.
  submit: command(
    { ...manage, idempotent: 'contacts.import', fingerprint: (upload: ImportUpload) => ({ kind: upload.kind, format: upload.format, sha256: createHash('sha256').update(upload.content).digest('hex') }) },
    (ctx, upload: ImportUpload) => submitImport(ctx, upload),
  ),
  status: command({ right: 'contacts.manage', tx: 'read' }, (ctx, id: string) => importStatus(ctx, id)),
};
