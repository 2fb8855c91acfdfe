import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { searchMembers } from './api';

/** Picks one member of the contacts by name, pinyin or user id; `exclude` (member ids) are not offered. */
export function MemberSelect({ id, value, onChange, allowClear, exclude = [] }: { id?: string; value?: string; onChange?: (value: string) => void; allowClear?: boolean; exclude?: (string | null)[] }) {
  const { t } = useTranslation('admins');
  const [q, setQ] = useState('');
  const members = useQuery({ queryKey: ['/contacts/members', 'admin-picker', q], queryFn: () => searchMembers(q) });
  return (
    <Select
      id={id}
      showSearch
      allowClear={allowClear}
      value={value}
      onChange={onChange}
      filterOption={false}
      onSearch={setQ}
      placeholder={t('memberSearch')}
      loading={members.isPending}
      data-testid="member-select"
      options={(members.data?.items ?? []).filter((m) => !exclude.includes(m.id)).map((m) => ({ value: m.id, label: `${m.name} (${m.userid})` }))}
    />
  );
}
