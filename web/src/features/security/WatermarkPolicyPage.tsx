import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Form, Input, Switch, Table, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../hooks/useNotifyError';
import type { WatermarkSurface } from './api';

type Policy = Body<'/security/watermark-policy', 'put'>;
type Segment = Policy['docs']['content'][number];
const key = ['/security/watermark-policy'] as const;
const SURFACES: WatermarkSurface[] = ['chat', 'contacts', 'mail', 'docs', 'drive'];
const SEGMENTS: Segment[] = ['name', 'phone', 'account', 'time', 'custom'];

/** 水印设置: per surface whether the visible watermark is drawn and what it is made of. */
export function WatermarkPolicyPage() {
  const { t } = useTranslation('security');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: key, queryFn: () => api.get('/security/watermark-policy') });
  const [draft, setDraft] = useState<Policy>();
  useEffect(() => setDraft(policy.data?.policy), [policy.data]);

  const save = useMutation({
    mutationFn: (body: Policy) => api.put('/security/watermark-policy', { body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: ['/security/watermark'] });
      void message.success(t('saved'));
    },
    onError: notifyError,
  });

  if (policy.isError) return <LoadFailed error={policy.error} onRetry={() => void policy.refetch()} />;
  const set = (surface: WatermarkSurface, patch: Partial<Policy[WatermarkSurface]>) => draft && setDraft({ ...draft, [surface]: { ...draft[surface], ...patch } });
  const columns: TableColumnsType<WatermarkSurface> = [
    { key: 'surface', title: t('watermark.surface'), render: (_, s) => t(`watermark.surfaces.${s}`) },
    { key: 'enabled', title: t('enabled'), render: (_, s) => <Switch checked={draft?.[s].enabled} onChange={(enabled) => set(s, { enabled })} aria-label={`${t(`watermark.surfaces.${s}`)} ${t('enabled')}`} /> },
    {
      key: 'hidden',
      title: t('watermark.hidden'),
      render: (_, s) => <Switch checked={draft?.[s].hidden ?? false} onChange={(hidden) => set(s, { hidden })} aria-label={`${t(`watermark.surfaces.${s}`)} ${t('watermark.hidden')}`} />,
    },
    {
      key: 'content',
      title: t('watermark.content'),
      render: (_, s) => (
        <Checkbox.Group
          value={draft?.[s].content}
          onChange={(content) => set(s, { content: SEGMENTS.filter((g) => content.includes(g)) })}
          options={SEGMENTS.filter((g) => g !== 'custom' || s === 'docs').map((g) => ({ value: g, label: t(`watermark.segments.${g}`) }))}
          aria-label={`${t(`watermark.surfaces.${s}`)} ${t('watermark.content')}`}
        />
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('watermark.title')}>{t('watermark.intro')}</PageHeader>
      {policy.data && !policy.data.active && <Alert type="warning" showIcon title={t('inactive')} style={{ marginBottom: 16 }} />}
      <Card loading={policy.isPending}>
        <Table<WatermarkSurface> rowKey={(s) => s} size="small" pagination={false} columns={columns} dataSource={SURFACES} />
        <Form layout="vertical" style={{ marginTop: 16 }} onFinish={() => draft && save.mutate(draft)}>
          <Form.Item label={t('watermark.customText')}>
            <Input maxLength={40} value={draft?.customText} onChange={(e) => draft && setDraft({ ...draft, customText: e.target.value })} aria-label={t('watermark.customText')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={save.isPending} disabled={!policy.data?.active}>
            {t('save')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
