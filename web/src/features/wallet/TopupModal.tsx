import { Alert, Descriptions, Form, InputNumber, Modal, Radio } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CHANNELS, newKey, walletKey, yuan, type Channel, type Topup } from './api';

/** 充值: choose one of the four channels; online ones go to the sandbox payment page, a bank transfer shows its code. */
export function TopupModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation('wallet');
  const [form] = Form.useForm<{ channel: Channel; amountYuan: number }>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [bank, setBank] = useState<Topup | null>(null);
  const create = useMutation({
    mutationFn: (values: { channel: Channel; amountYuan: number }) =>
      api.post('/wallet/topups', { body: { channel: values.channel, amountFen: Math.round(values.amountYuan * 100), idempotencyKey: newKey() } }),
    onSuccess: async (topup) => {
      await queryClient.invalidateQueries({ queryKey: walletKey });
      if (topup.instructions.kind === 'online') navigate(`/wallet/pay/${topup.id}`);
      else setBank(topup);
    },
  });
  const close = () => {
    setBank(null);
    create.reset();
    onClose();
  };
  return (
    <Modal open={open} title={t('topupModal.title')} okText={bank ? undefined : t('topupModal.submit')} onOk={() => (bank ? close() : form.submit())} onCancel={close} confirmLoading={create.isPending} destroyOnHidden>
      {bank ? (
        <>
          <Alert type="info" showIcon title={t('topupModal.bankTitle')} description={t('topupModal.bankHint')} style={{ marginBottom: 16 }} />
          <Descriptions column={1} bordered size="small">
            <Descriptions.Item label={t('topupModal.code')}>
              <strong data-testid="transfer-code">{bank.code}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={t('pay.amount')}>{yuan(bank.amountFen)}</Descriptions.Item>
            <Descriptions.Item label={t('topupModal.payee')}>{bank.instructions.payee?.name}</Descriptions.Item>
            <Descriptions.Item label={t('topupModal.bank')}>{bank.instructions.payee?.bank}</Descriptions.Item>
            <Descriptions.Item label={t('topupModal.account')}>{bank.instructions.payee?.account}</Descriptions.Item>
          </Descriptions>
        </>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ channel: 'wechat_pay' }} onFinish={create.mutate}>
          <ErrorAlert error={create.error} />
          <Form.Item name="channel" label={t('topupModal.channel')} rules={[{ required: true }]}>
            <Radio.Group options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('topupModal.amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
