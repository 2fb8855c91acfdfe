import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Spin, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { api, newIdempotencyKey, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { CertificationStatus } from '../corp/CertificationStatus';
import { yuan } from '../customers/api';
import { usePaymentConfirmation } from '../wallet/usePaymentConfirmation';
import { ScanUpload, type Scan } from './ScanUpload';

type Application = NonNullable<Reply<'/certification'>['latest']>;
interface Values {
  subjectName: string;
  licenceName: string;
  creditCode: string;
  licence: Scan;
  contactName: string;
  contactPhone: string;
}

const KEY = ['/certification'];
const STATUS_COLORS: Record<Application['status'], string> = { review: 'processing', approved: 'success', rejected: 'error' };

/** The latest application: what was submitted, and the review's outcome. */
function ApplicationCard({ application }: { application: Application }) {
  const { t } = useTranslation('certification');
  return (
    <Card title={t('latest.title')} extra={<Tag color={STATUS_COLORS[application.status]}>{t(`statuses.${application.status}`)}</Tag>} data-testid="certification-application">
      <Descriptions size="small" column={{ xs: 1, md: 2 }}>
        <Descriptions.Item label={t('fields.subjectName')}>{application.subjectName}</Descriptions.Item>
        <Descriptions.Item label={t('fields.creditCode')}>{application.creditCode}</Descriptions.Item>
        <Descriptions.Item label={t('fields.licence')}>{application.licenceFile?.name ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('fields.contact')}>{`${application.contactName} ${application.contactPhone}`}</Descriptions.Item>
        <Descriptions.Item label={t('latest.submitted')}>{`${application.submittedBy} · ${formatDateTime(application.submittedAt)}`}</Descriptions.Item>
        <Descriptions.Item label={t('latest.fee')}>{yuan(application.feeFen)}</Descriptions.Item>
        {application.reviewedAt && <Descriptions.Item label={t('latest.reviewed')}>{formatDateTime(application.reviewedAt)}</Descriptions.Item>}
        {application.validUntil && <Descriptions.Item label={t('latest.validUntil')}>{formatDate(application.validUntil)}</Descriptions.Item>}
        {application.rejectReason && <Descriptions.Item label={t('latest.rejectReason')}>{application.rejectReason}</Descriptions.Item>}
      </Descriptions>
    </Card>
  );
}

/**
 * 企业认证: the certification in force, the latest application and, when none is under review, the
 * form (subject = licence name, the licence scan, a contact); the review fee is paid from the balance
 * after the payment confirmation.
 */
export function CertificationPage() {
  const { t } = useTranslation('certification');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const confirmPayment = usePaymentConfirmation();
  const [form] = Form.useForm<Values>();
  const state = useQuery({ queryKey: KEY, queryFn: () => api.get('/certification') });
  const submit = useMutation({
    mutationFn: ({ values, quotedFen }: { values: Values; quotedFen: number }) =>
      api.post('/certification/applications', {
        body: {
          subjectName: values.subjectName,
          licenceName: values.licenceName,
          creditCode: values.creditCode,
          licenceFileId: values.licence.id,
          contactName: values.contactName,
          contactPhone: values.contactPhone,
          quotedFen,
          idempotencyKey: newIdempotencyKey(),
        },
      }),
    onSuccess: async () => {
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: KEY });
      void message.success(t('submitted'));
    },
    onError: notifyError,
  });
  const apply = (values: Values) =>
    confirmPayment({
      quote: async () => ({ quote: await api.get('/certification/quote'), note: t('feeNote') }),
      pay: (quote) => submit.mutateAsync({ values, quotedFen: quote.totalFen }),
    });

  const s = state.data;
  return (
    <>
      <PageHeader title={t('title')}>{t('hint')}</PageHeader>
      <ErrorAlert error={state.error} />
      {state.isLoading && <Spin />}
      {s && (
        <Flex vertical gap="middle">
          <Card>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('state')}>
                <span data-testid="certification-state">
                  <CertificationStatus certifiedUntil={s.certified ? s.certifiedUntil : null} />
                </span>
              </Descriptions.Item>
            </Descriptions>
            {s.expiresInDays !== null && <Alert type="warning" showIcon title={t('expiresIn', { days: s.expiresInDays })} />}
          </Card>
          {s.latest && <ApplicationCard application={s.latest} />}
          {s.latest?.status === 'review' && <Alert type="info" showIcon title={t('underReview')} />}
          {s.mayApply && (
            <Card title={s.latest?.status === 'rejected' ? t('form.resubmit') : t('form.title')}>
              <Form<Values> form={form} layout="vertical" style={{ maxWidth: 560 }} onFinish={(values) => void apply(values)}>
                <Form.Item name="subjectName" label={t('fields.subjectName')} extra={t('form.subjectHint')} rules={[{ required: true, whitespace: true, min: 2, max: 80 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="licenceName" label={t('fields.licenceName')} rules={[{ required: true, whitespace: true, min: 2, max: 80 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="creditCode" label={t('fields.creditCode')} rules={[{ required: true, pattern: /^[0-9A-HJ-NPQRTUWXY]{18}$/, message: t('form.creditCodeRule') }]}>
                  <Input maxLength={18} />
                </Form.Item>
                <Form.Item name="licence" label={t('fields.licence')} extra={t('scan.hint')} rules={[{ required: true, message: t('form.licenceRequired') }]}>
                  <ScanUpload label={t('fields.licence')} />
                </Form.Item>
                <Form.Item name="contactName" label={t('fields.contactName')} rules={[{ required: true, whitespace: true, max: 40 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="contactPhone" label={t('fields.contactPhone')} rules={[{ required: true, pattern: /^\+?[0-9][0-9-]{5,19}$/, message: t('form.phoneRule') }]}>
                  <Input />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={submit.isPending}>
                  {t('form.submit')}
                </Button>
              </Form>
            </Card>
          )}
        </Flex>
      )}
    </>
  );
}
