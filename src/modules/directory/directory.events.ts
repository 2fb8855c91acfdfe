import { Type } from 'typebox';
import { defineEvents } from '../../platform/events.ts';

const MemberId = Type.String({ description: 'a mem_ id' });
const DepartmentId = Type.String({ description: 'a dept_ id' });

/** What the contacts announce; other modules listen (admin roles, seats, approval hand-over). */
export const DirectoryEvents = defineEvents({
  'member.created': Type.Object({ memberId: MemberId }),
  'member.departments_changed': Type.Object({ memberId: MemberId, added: Type.Array(DepartmentId), removed: Type.Array(DepartmentId) }),
  'member.disabled': Type.Object({ memberId: MemberId }),
  'member.enabled': Type.Object({ memberId: MemberId }),
  /** 离职: the member left the tree; every admin role goes in the same transaction (admin subscribes). */
  'member.departed': Type.Object({ memberId: MemberId }),
  /** The row is gone: the name is carried for anyone keeping history. */
  'member.deleted': Type.Object({ memberId: MemberId, name: Type.String() }),
  'members.imported': Type.Object({ count: Type.Integer() }),
  'department.moved': Type.Object({ departmentId: DepartmentId, fromParentId: Type.Union([DepartmentId, Type.Null()]), toParentId: DepartmentId }),
  'department.deleted': Type.Object({ departmentId: DepartmentId }),
});
