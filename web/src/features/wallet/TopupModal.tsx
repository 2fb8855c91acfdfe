import { Alert, App, Checkbox, Descriptions, Form, InputNumber, Modal, Radio, Typography } from 'antd';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ApiError, newIdempotencyKey } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CHANNELS, TOPUPS_KEY, useAgreement, walletKey, yuan, type Channel, type Topup } from './api';

type Values = { channel: Channel; amountYuan: number; agreed: boolean };

/**
 * 充值: choose one of the four channels and the amount, read the 充值服务协议 and tick 我已阅读并同意, then
 * confirm the amount once more before anything is started. Online channels go to the payment page; a
 * bank transfer shows its code (again from the top-up list, as `shown`).
 */
export function TopupModal({ open, shown, onClose }: { open: boolean; shown?: Topup | null; onClose: () => void }) {
  const { t, i18n } = useTranslation('wallet');
  const { modal } = App.useApp();
  const [form] = Form.useForm<Values>();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const agreement = useAgreement(open);
  const [created, setCreated] = useState<Topup | null>(null);
  const bank = shown ?? created;
  const create = useMutation({
    mutationFn: (values: Values & { version: number }) =>
      api.post('/wallet/topups', { body: { channel: values.channel, amountFen: Math.round(values.amountYuan * 100), idempotencyKey: newIdempotencyKey(), agreementVersion: values.version } }),
    onSuccess: async (topup) => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: walletKey }), queryClient.invalidateQueries({ queryKey: TOPUPS_KEY })]);
      if (topup.instructions.kind === 'online') navigate(`/wallet/pay/${topup.id}`);
      else setCreated(topup);
    },
    onError: async (error) => {
      // The operator published a new version while the dialog was open: show it and ask again.
      if (error instanceof ApiError && error.code === 'wallet.agreement_outdated') {
        form.setFieldValue('agreed', false);
        await agreement.refetch();
      }
    },
  });
  const close = () => {
    setCreated(null);
    create.reset();
    onClose();
  };
  const confirm = (values: Values) => {
    const version = agreement.data?.version;
    if (version === undefined) return;
    modal.confirm({
      title: t('topupModal.confirmTitle'),
      okText: t('topupModal.confirmOk'),
      content: (
        <div data-testid="topup-confirm">
          <Descriptions
            column={1}
            size="small"
            items={[
              { key: 'channel', label: t('topupModal.confirmChannel'), children: t(`channels.${values.channel}`) },
              { key: 'amount', label: t('topupModal.confirmAmount'), children: <strong data-testid="topup-confirm-amount">{yuan(Math.round(values.amountYuan * 100))}</strong> },
            ]}
          />
          <Typography.Text type="secondary">{t('topupModal.confirmHint')}</Typography.Text>
        </div>
      ),
      onOk: () => create.mutateAsync({ ...values, version }).catch(() => undefined),
    });
  };
  const english = i18n.language === 'en';
  const text = agreement.data ? (english ? agreement.data.bodyEn : agreement.data.bodyZh) : '';
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
            <Descriptions.Item label={t('topupModal.payee')}>{english ? bank.instructions.payee?.nameEn : bank.instructions.payee?.name}</Descriptions.Item>
            <Descriptions.Item label={t('topupModal.bank')}>{english ? bank.instructions.payee?.bankEn : bank.instructions.payee?.bank}</Descriptions.Item>
            <Descriptions.Item label={t('topupModal.account')}>{bank.instructions.payee?.account}</Descriptions.Item>
          </Descriptions>
        </>
      ) : (
        <Form form={form} layout="vertical" initialValues={{ channel: 'wechat_pay', agreed: false }} onFinish={confirm}>
          <ErrorAlert error={create.error ?? agreement.error} />
          <Form.Item name="channel" label={t('topupModal.channel')} rules={[{ required: true }]}>
            <Radio.Group options={CHANNELS.map((c) => ({ value: c, label: t(`channels.${c}`) }))} />
          </Form.Item>
          <Form.Item name="amountYuan" label={t('topupModal.amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} max={100_000_000} precision={2} style={{ width: '100%' }} />
          </Form.Item>
          {agreement.data && <Typography.Text strong>{t('topupModal.agreement', { version: agreement.data.version })}</Typography.Text>}
          <div data-testid="agreement-text" style={{ maxHeight: 160, overflowY: 'auto', whiteSpace: 'pre-wrap', margin: '8px 0', padding: 8, border: '1px solid rgba(5, 5, 5, 0.06)', borderRadius: 6, fontSize: 12 }}>
            {text}
          </div>
          <Form.Item name="agreed" valuePropName="checked" rules={[{ validator: (_, v: boolean) => (v ? Promise.resolve() : Promise.reject(new Error(t('topupModal.mustAgree')))) }]}>
            <Checkbox disabled={!agreement.data}>{t('topupModal.agree')}</Checkbox>
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
