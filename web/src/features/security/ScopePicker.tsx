import { Flex, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { buildTree, useDepartments, useTags } from '../contacts/api';
import { useActiveMembers } from '../customers/api';

/** Members, departments (with their sub-departments) and tags, as the policies' scopes name them. */
export interface Scope {
  memberIds: string[];
  departmentIds: string[];
  tagIds: string[];
}

export const emptyScope = (): Scope => ({ memberIds: [], departmentIds: [], tagIds: [] });

/** A policy's scope or whitelist: members, departments and tags, each its own field named after `label`. */
export function ScopePicker({ value, onChange, label }: { value: Scope; onChange: (scope: Scope) => void; label: string }) {
  const { t } = useTranslation('security');
  const members = useActiveMembers();
  const departments = useDepartments();
  const tags = useTags();
  return (
    <Flex vertical gap="small" style={{ width: '100%' }}>
      <Select
        mode="multiple"
        showSearch
        optionFilterProp="label"
        placeholder={t('scope.members')}
        options={members.data}
        value={value.memberIds}
        onChange={(memberIds) => onChange({ ...value, memberIds })}
        aria-label={`${label} ${t('scope.members')}`}
      />
      <TreeSelect
        multiple
        showSearch
        treeNodeFilterProp="title"
        treeDefaultExpandAll
        placeholder={t('scope.departments')}
        treeData={buildTree(departments.data?.items ?? [])}
        value={value.departmentIds}
        onChange={(departmentIds: string[]) => onChange({ ...value, departmentIds })}
        aria-label={`${label} ${t('scope.departments')}`}
      />
      <Select
        mode="multiple"
        showSearch
        optionFilterProp="label"
        placeholder={t('scope.tags')}
        options={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))}
        value={value.tagIds}
        onChange={(tagIds) => onChange({ ...value, tagIds })}
        aria-label={`${label} ${t('scope.tags')}`}
      />
    </Flex>
  );
}
