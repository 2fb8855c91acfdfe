import { Flex, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { People, Visibility } from './api';

/** 可见范围: the whole enterprise, or the members, departments and tags chosen (from the approvals' own people list, so assistants can set it too). */
export function VisibilityPicker({ value, onChange, people }: { value: Visibility | null; onChange: (v: Visibility | null) => void; people: People | undefined }) {
  const { t } = useTranslation('approvals');
  const options = (list: { id: string; name: string }[] | undefined) => (list ?? []).map((x) => ({ value: x.id, label: x.name }));
  const pick = (key: keyof Visibility, label: string, list: { id: string; name: string }[] | undefined) =>
    value && (
      <Select mode="multiple" showSearch optionFilterProp="label" aria-label={label} placeholder={label} options={options(list)} value={value[key] ?? []} onChange={(ids: string[]) => onChange({ ...value, [key]: ids })} />
    );
  return (
    <Flex vertical gap="small" data-testid="visibility">
      <Typography.Text strong>{t('visibility.title')}</Typography.Text>
      <Typography.Text type="secondary">{t('visibility.hint')}</Typography.Text>
      <Radio.Group
        value={value ? 'limited' : 'all'}
        onChange={(e) => onChange(e.target.value === 'all' ? null : { memberIds: [], departmentIds: [], tagIds: [] })}
        options={[
          { value: 'all', label: t('visibility.all') },
          { value: 'limited', label: t('visibility.limited') },
        ]}
      />
      {pick('memberIds', t('visibility.members'), people?.members)}
      {pick('departmentIds', t('visibility.departments'), people?.departments)}
      {pick('tagIds', t('visibility.tags'), people?.tags)}
    </Flex>
  );
}
