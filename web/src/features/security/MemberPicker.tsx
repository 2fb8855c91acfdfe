import { Select } from 'antd';
import { useActiveMembers } from '../customers/api';

/** Several members of the enterprise (the policies' scopes name members; the API also takes departments and tags). */
export function MemberPicker({ value, onChange, label }: { value: string[]; onChange: (ids: string[]) => void; label: string }) {
  const members = useActiveMembers();
  return <Select mode="multiple" showSearch optionFilterProp="label" style={{ width: '100%' }} options={members.data} value={value} onChange={onChange} aria-label={label} />;
}
