import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, Input, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { emptyScope, ScopePicker, type Scope } from './ScopePicker';

const key = ['/security/ip-policy'] as const;
const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean);

/** IP 访问限制: the networks members may reach mail and drive from, and who is exempt. */
export function IpPolicyPage() {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: key, queryFn: () => api.get('/security/ip-policy') });
  const [enabled, setEnabled] = useState(false);
  const [mail, setMail] = useState('');
  const [drive, setDrive] = useState('');
  const [exempt, setExempt] = useState<Scope>(emptyScope);
  useEffect(() => {
    const p = policy.data?.policy;
    if (!p) return;
    setEnabled(p.enabled);
    setMail(p.mail.join('\n'));
    setDrive(p.drive.join('\n'));
    setExempt(p.exempt);
  }, [policy.data]);

  const save = useMutation({
    mutationFn: () => api.put('/security/ip-policy', { body: { enabled, mail: lines(mail), drive: lines(drive), exempt } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      void message.success(t('saved'));
    },
    // The refused entry is named, so the admin finds it in a long list.
    onError: (error) => void message.error(error instanceof ApiError && typeof error.details.entry === 'string' ? `${errorMessage(error)}: ${error.details.entry}` : errorMessage(error)),
  });

  if (policy.isError) return <LoadFailed error={policy.error} onRetry={() => void policy.refetch()} />;
  return (
    <>
      <PageHeader title={t('ip.title')}>{t('ip.intro')}</PageHeader>
      {policy.data && !policy.data.active && <Alert type="warning" showIcon title={t('inactive')} style={{ marginBottom: 16 }} />}
      <Card loading={policy.isPending}>
        <Form layout="vertical" onFinish={() => save.mutate()}>
          <Form.Item label={t('enabled')}>
            <Switch checked={enabled} onChange={setEnabled} aria-label={t('enabled')} />
          </Form.Item>
          <Form.Item label={t('ip.mail')} extra={t('ip.listHint')}>
            <Input.TextArea rows={4} value={mail} onChange={(e) => setMail(e.target.value)} aria-label={t('ip.mail')} />
          </Form.Item>
          <Form.Item label={t('ip.drive')} extra={t('ip.listHint')}>
            <Input.TextArea rows={4} value={drive} onChange={(e) => setDrive(e.target.value)} aria-label={t('ip.drive')} />
          </Form.Item>
          <Form.Item label={t('ip.exempt')}>
            <ScopePicker value={exempt} onChange={setExempt} label={t('ip.exempt')} />
          </Form.Item>
          <Flex gap="small" align="center">
            <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!policy.data?.active}>
              {t('save')}
            </Button>
            <Typography.Text type="secondary" />
          </Flex>
        </Form>
      </Card>
    </>
  );
}
