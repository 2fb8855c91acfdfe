import { Type } from 'typebox';
import { StrictObject } from '../../platform/http/schemas.ts';

const RefId = Type.String({ minLength: 1, maxLength: 40 });
export const AppLevel = Type.Union([Type.Literal('send'), Type.Literal('manage')]);

export const RightsBody = StrictObject({
  departmentIds: Type.Array(RefId, { maxItems: 1000 }),
  apps: Type.Array(StrictObject({ appId: RefId, level: AppLevel }), { maxItems: 500 }),
  deviceBind: Type.Boolean(),
  deviceIds: Type.Array(RefId, { maxItems: 1000 }),
});
export const RightsDto = Type.Object({
  departmentIds: Type.Array(Type.String()),
  apps: Type.Array(Type.Object({ appId: Type.String(), level: AppLevel })),
  deviceBind: Type.Boolean(),
  deviceIds: Type.Array(Type.String()),
});

export const GroupName = Type.String({ minLength: 1, maxLength: 40 });

export const OverviewDto = Type.Object({
  creator: Type.Object({ accountId: Type.String(), name: Type.String(), memberId: Type.Union([Type.String(), Type.Null()]) }),
  superAdmins: Type.Array(
    Type.Object({ accountId: Type.String(), name: Type.String(), loginName: Type.String(), kind: Type.Union([Type.Literal('internal'), Type.Literal('external')]), memberId: Type.Union([Type.String(), Type.Null()]) }),
  ),
  superGroup: Type.Object({ name: Type.String(), accountIds: Type.Array(Type.String()) }),
  groups: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), rights: RightsDto, memberIds: Type.Array(Type.String()) })),
  admins: Type.Array(Type.Object({ memberId: Type.String(), name: Type.String(), groupId: Type.Union([Type.String(), Type.Null()]), rights: RightsDto, effective: RightsDto })),
});

export const GrantableDto = Type.Object({
  all: Type.Boolean(),
  canGrant: Type.Boolean(),
  departments: Type.Array(Type.Object({ id: Type.String(), name: Type.String(), parentId: Type.Union([Type.String(), Type.Null()]), path: Type.String() })),
  apps: Type.Array(Type.Object({ appId: Type.String(), name: Type.String(), level: AppLevel })),
  deviceBind: Type.Boolean(),
  devices: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
});

export const MemberIdBody = StrictObject({ memberId: RefId });
export const ExternalBody = StrictObject({ loginName: Type.String({ minLength: 1, maxLength: 64 }) });
export const NewGroupBody = StrictObject({ name: GroupName, rights: RightsBody });
export const UpdateGroupBody = StrictObject({ name: Type.Optional(GroupName), rights: Type.Optional(RightsBody) });
export const NewHierarchicalBody = StrictObject({ memberId: RefId, groupId: Type.Optional(Type.Union([RefId, Type.Null()])), rights: Type.Optional(RightsBody) });
export const UpdateHierarchicalBody = StrictObject({ groupId: Type.Optional(Type.Union([RefId, Type.Null()])), rights: Type.Optional(RightsBody) });
