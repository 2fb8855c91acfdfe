import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Empty, Flex, Form, Input, Popconfirm, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { LoadMore } from '../../components/LoadMore';
import { useCursorList } from '../../hooks/useCursorList';
import { PageHeader } from '../../components/PageHeader';
import { useNotifyError } from '../../hooks/useNotifyError';
import { isMoving, MigrationProgress, MigrationSummary, StatusTag, type Migration } from './MigrationDetails';

type Step = Body<'/operator/corps/{corpId}/data-migrations/{id}/steps', 'post'>['step'];

const PATH = '/operator/data-migrations';
const KEY = [PATH];

const takeStep = (m: Migration, step: Step, reason?: string) => api.post('/operator/corps/{corpId}/data-migrations/{id}/steps', { params: { path: { corpId: m.sourceCorpId, id: m.id } }, body: { step, reason } });

/** The step forward from each status; a migrating one finishes only when the server allows it. */
const FORWARD: Partial<Record<Migration['status'], Step>> = { submitted: 'approve', approved: 'paper_received', paper_received: 'start' };

/** The operator's open data migrations, oldest first, a page at a time: review steps, the move's progress, retry or give up what failed, finish. */
export function OperatorMigrationsPage() {
  const { t } = useTranslation('dataMigration');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const [rejecting, setRejecting] = useState<Migration | null>(null);
  const migrations = useCursorList(PATH);
  // While customers are being listed or moved, the pages loaded so far are polled.
  const moving = migrations.items.some(isMoving);
  const { refetch } = migrations;
  useEffect(() => {
    if (!moving) return;
    const timer = setInterval(() => void refetch(), 2000);
    return () => clearInterval(timer);
  }, [moving, refetch]);
  const step = useMutation({
    mutationFn: ({ m, step }: { m: Migration; step: Step }) => takeStep(m, step),
    onSuccess: () => void message.success(t('steps.done')),
    onError: notifyError,
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const busy = (m: Migration, s: Step) => step.isPending && step.variables?.m.id === m.id && step.variables.step === s;
  const button = (m: Migration, s: Step, primary = false) => (
    <Button key={s} type={primary ? 'primary' : 'default'} loading={busy(m, s)} onClick={() => step.mutate({ m, step: s })}>
      {t(`steps.${s}`)}
    </Button>
  );
  const actions = (m: Migration) => {
    const forward = FORWARD[m.status];
    const p = m.progress;
    const failedToDecide = m.status === 'migrating' && p?.phase === 'done' && p.failed > 0;
    return (
      <Flex gap="small" wrap>
        {forward && button(m, forward, true)}
        {failedToDecide && button(m, 'retry')}
        {failedToDecide && (
          <Popconfirm key="give_up" title={t('steps.giveUpConfirm')} onConfirm={() => step.mutate({ m, step: 'give_up' })}>
            <Button loading={busy(m, 'give_up')}>{t('steps.give_up')}</Button>
          </Popconfirm>
        )}
        {p?.canFinish && (
          <Popconfirm key="finish" title={t('steps.finishConfirm')} onConfirm={() => step.mutate({ m, step: 'finish' })}>
            <Button type="primary" loading={busy(m, 'finish')}>
              {t('steps.finish')}
            </Button>
          </Popconfirm>
        )}
        <Button danger onClick={() => setRejecting(m)}>
          {t('steps.reject')}
        </Button>
      </Flex>
    );
  };
  return (
    <>
      <PageHeader title={t('operatorNav')}>{t('operatorHint')}</PageHeader>
      <ErrorAlert error={migrations.error} />
      {migrations.isLoading && <Spin />}
      {migrations.isSuccess && migrations.items.length === 0 && <Empty description={t('empty')} />}
      <Flex vertical gap="middle">
        {migrations.items.map((m) => (
          <Card key={m.id} title={`${m.sourceName} → ${m.targetName}`} extra={<StatusTag status={m.status} />} actions={[actions(m)]}>
            <MigrationSummary migration={m} />
            {m.status === 'migrating' && (
              <Card type="inner" size="small" title={t('progress.title')}>
                <MigrationProgress migration={m} viewer="operator" />
              </Card>
            )}
          </Card>
        ))}
        <LoadMore list={migrations} />
      </Flex>
      <FormModal<{ reason: string }>
        open={rejecting !== null}
        title={t('steps.rejectTitle')}
        okText={t('steps.reject')}
        onClose={() => setRejecting(null)}
        onSubmit={async ({ reason }) => {
          try {
            await takeStep(rejecting!, 'reject', reason.trim());
            void message.success(t('steps.done'));
          } finally {
            await queryClient.invalidateQueries({ queryKey: KEY });
          }
        }}
      >
        <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
