import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

const MemberId = Type.String({ description: 'a mem_ id' });
const DepartmentId = Type.String({ description: 'a dept_ id' });

/** What the contacts announce; other modules listen (admin roles, seats, approval hand-over). */
export const DirectoryEvents = defineEvents({
  'member.created': Type.Object({ memberId: MemberId }),
  /** Any edit of a member's fields or departments (callbacks announce update_user). */
  'member.updated': Type.Object({ memberId: MemberId }),
  'member.departments_changed': Type.Object({ memberId: MemberId, added: Type.Array(DepartmentId), removed: Type.Array(DepartmentId) }),
  'member.disabled': Type.Object({ memberId: MemberId }),
  'member.enabled': Type.Object({ memberId: MemberId }),
  /** 离职: the member left the tree; every admin role goes in the same transaction (admin subscribes). */
  'member.departed': Type.Object({ memberId: MemberId, userid: Type.String(), departmentIds: Type.Array(DepartmentId) }),
  /** The row is gone: the name is carried for anyone keeping history. */
  'member.deleted': Type.Object({ memberId: MemberId, name: Type.String(), userid: Type.String(), departmentIds: Type.Array(DepartmentId) }),
  'members.imported': Type.Object({ count: Type.Integer() }),
  'department.created': Type.Object({ departmentId: DepartmentId }),
  'department.renamed': Type.Object({ departmentId: DepartmentId }),
  'department.moved': Type.Object({ departmentId: DepartmentId, fromParentId: Type.Union([DepartmentId, Type.Null()]), toParentId: DepartmentId }),
  /** The row is gone: its materialised path (`/root/…/id/`) tells who could see it. */
  'department.deleted': Type.Object({ departmentId: DepartmentId, path: Type.String() }),
});
