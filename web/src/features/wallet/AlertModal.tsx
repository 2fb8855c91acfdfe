import { Form, InputNumber, Radio, Select, Switch, TreeSelect } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { buildTree, useDepartments, useTags } from '../contacts/api';
import { useMemberOptions, walletKey, type AlertSettings, type Frequency } from './api';

interface Values {
  enabled: boolean;
  amountYuan: number;
  frequency: Frequency;
  memberIds: string[];
  departmentIds: string[];
  tagIds: string[];
}

/** 余额预警: amount (a whole number of yuan), recipients (members, departments, tags), frequency. */
export function AlertModal({ open, alert, onClose }: { open: boolean; alert: AlertSettings; onClose: () => void }) {
  const { t } = useTranslation('wallet');
  const queryClient = useQueryClient();
  const members = useMemberOptions();
  const departments = useDepartments();
  const tags = useTags();
  return (
    <FormModal<Values>
      open={open}
      title={t('alert.title')}
      initialValues={{ enabled: alert.enabled || alert.amountYuan === 0, amountYuan: alert.amountYuan, frequency: alert.frequency, ...alert.recipients }}
      onClose={onClose}
      onSubmit={async (v) => {
        await api.put('/wallet/alert', { body: { enabled: v.enabled, amountYuan: v.amountYuan, frequency: v.frequency, recipients: { memberIds: v.memberIds ?? [], departmentIds: v.departmentIds ?? [], tagIds: v.tagIds ?? [] } } });
        await queryClient.invalidateQueries({ queryKey: walletKey });
      }}
    >
      <Form.Item name="enabled" label={t('alert.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="amountYuan" label={t('alert.amount')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} step={1} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item label={t('alert.recipients')}>
        <Form.Item name="memberIds" label={t('alert.members')}>
          <Select mode="multiple" options={members.data ?? []} optionFilterProp="label" loading={members.isLoading} />
        </Form.Item>
        <Form.Item name="departmentIds" label={t('alert.departments')}>
          <TreeSelect multiple treeData={buildTree(departments.data?.items ?? [])} treeDefaultExpandAll />
        </Form.Item>
        <Form.Item name="tagIds" label={t('alert.tags')}>
          <Select mode="multiple" options={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))} optionFilterProp="label" />
        </Form.Item>
      </Form.Item>
      <Form.Item name="frequency" label={t('alert.frequency')}>
        <Radio.Group options={(['daily', 'weekly', 'hourly'] as const).map((f) => ({ value: f, label: t(`alert.frequencies.${f}`) }))} />
      </Form.Item>
    </FormModal>
  );
}
