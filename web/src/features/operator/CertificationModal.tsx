import { App, DatePicker, Form, type DatePickerProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { FormModal } from '../../components/FormModal';
import { CertificationStatus } from '../corp/CertificationStatus';
import { useSetCertification, type OperatorCorp } from './api';

/** antd's date type (dayjs), named without depending on dayjs directly. */
type DateValue = Parameters<NonNullable<DatePickerProps['disabledDate']>>[0];

interface CertificationValues {
  until: DateValue;
}

interface CertificationModalProps {
  corp: OperatorCorp | null;
  onClose: () => void;
}

export function CertificationModal({ corp, onClose }: CertificationModalProps) {
  const { t } = useTranslation('operator');
  const { message } = App.useApp();
  const setCertification = useSetCertification();

  async function save({ until }: CertificationValues) {
    if (!corp) return;
    // Certified through the end of the chosen day, in the operator's time zone.
    await setCertification(corp.id, until.endOf('day').toISOString());
    void message.success(t('certify.saved'));
  }

  return (
    <FormModal<CertificationValues> open={corp !== null} title={t('certify.title')} onSubmit={save} onClose={onClose}>
      <Form.Item label={t('certify.current')}>
        {corp && <CertificationStatus certifiedUntil={corp.certifiedUntil} />}
      </Form.Item>
      <Form.Item name="until" label={t('certify.until')} rules={[{ required: true }]}>
        <DatePicker disabledDate={(day) => day.endOf('day').valueOf() < Date.now()} />
      </Form.Item>
    </FormModal>
  );
}
