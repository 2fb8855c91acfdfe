import { useQueryClient } from '@tanstack/react-query';
import { Checkbox, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { FormModal } from '../../components/FormModal';
import { apiTokensQueryKey } from './api';
import { useRightOptions } from './useRightOptions';

type CreateTokenValues = Body<'/api-tokens', 'post'>;

interface CreateTokenModalProps {
  open: boolean;
  onClose: () => void;
  onCreated: (secret: string) => void;
}

export function CreateTokenModal({ open, onClose, onCreated }: CreateTokenModalProps) {
  const { t } = useTranslation(['apiTokens', 'common']);
  const queryClient = useQueryClient();
  const rightOptions = useRightOptions();

  async function create(values: CreateTokenValues) {
    const { secret } = await api.post('/api-tokens', { body: values });
    await queryClient.invalidateQueries({ queryKey: apiTokensQueryKey });
    onCreated(secret);
  }

  return (
    <FormModal<CreateTokenValues>
      open={open}
      title={t('form.title')}
      okText={t('common:actions.create')}
      initialValues={{ rights: [] }}
      onSubmit={create}
      onClose={onClose}
    >
      <Form.Item name="name" label={t('form.name')} validateFirst rules={[{ required: true, whitespace: true }, { max: 64 }]}>
        <Input />
      </Form.Item>
      <Form.Item name="rights" label={t('form.rights')} rules={[{ required: true, type: 'array', min: 1 }]}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          options={rightOptions}
        />
      </Form.Item>
    </FormModal>
  );
}
