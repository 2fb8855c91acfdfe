import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { FormModal } from '../../components/FormModal';
import { meQueryKey } from '../../session';
import { corpQueryKey, type CorpProfile } from './api';
import { CorpFields, type CorpValues } from './CorpFields';

interface EditCorpModalProps {
  corp: CorpProfile;
  open: boolean;
  onClose: () => void;
}

export function EditCorpModal({ corp, open, onClose }: EditCorpModalProps) {
  const { t } = useTranslation(['corp', 'common']);
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  async function save(values: CorpValues) {
    await api.patch('/corp', { body: values });
    // The names also show in the header's enterprise switcher, which reads them from `me`.
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: corpQueryKey }),
      queryClient.invalidateQueries({ queryKey: meQueryKey }),
    ]);
    void message.success(t('common:saved'));
  }

  return (
    <FormModal<CorpValues> open={open} title={t('profile.editTitle')} initialValues={corp} onSubmit={save} onClose={onClose}>
      <CorpFields />
    </FormModal>
  );
}
