import { Button, Card, Collapse, Descriptions, Flex, Input, Popconfirm, Select, Space, Tag, Timeline, Typography, App as AntApp } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useMe } from '../../session';
import { useAct, useHandover, usePeople, useRequest, useWithdraw, type Detail, type FormField, type Reason, type TaskView } from './api';
import { STATUS_COLOR } from './MemberApprovalsPage';

/** A reason line in the current language, from its code and data; the server's text when the code is unknown. */
export function useWhyText(): (r: Reason) => string {
  const { t } = useTranslation('approvals');
  return (r) => {
    const d = r.data ?? {};
    const mode = typeof d.mode === 'string' ? t(`flow.modes.${d.mode as 'all'}`) : '';
    const direction = d.direction === 'up' ? t('flow.up') : d.direction === 'down' ? t('flow.down') : '';
    const kind = typeof d.kind === 'string' ? t(`flow.kinds.${d.kind as 'approver'}`) : '';
    return t(`why.${r.code}` as 'why.rule_members', { ...d, modeText: mode, directionText: direction, kindText: kind, defaultValue: r.text });
  };
}

function showValue(field: FormField, value: Detail['form'][string] | undefined, names: Map<string, string>): string {
  if (value === undefined) return '—';
  if (field.type === 'money' && typeof value === 'number') return `¥${(value / 100).toFixed(2)}`;
  if (Array.isArray(value)) return value.map((v) => names.get(v) ?? v).join('、');
  return String(value);
}

/** What the member can do on their open task: approvers approve or reject, handlers only confirm. */
function ActionBox({ task, detail, members }: { task: TaskView; detail: Detail; members: { value: string; label: string }[] }) {
  const { t } = useTranslation('approvals');
  const { message } = AntApp.useApp();
  const act = useAct();
  const [comment, setComment] = useState('');
  const [signature, setSignature] = useState('');
  const [transferTo, setTransferTo] = useState<string>();
  const [added, setAdded] = useState<string[]>([]);
  const others = members.filter((m) => m.value !== task.assigneeId);
  const done = { onSuccess: () => void message.success(t('detail.done')) };
  const text = comment.trim() ? { comment } : {};
  return (
    <Card size="small" title={t(`flow.kinds.${task.kind === 'handler' ? 'handler' : 'approver'}`)} data-testid="action-box">
      <Flex vertical gap="small">
        <Input.TextArea aria-label={t('detail.comment')} placeholder={t('detail.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
        {task.kind === 'approver' && detail.settings.requireSignature && <Input aria-label={t('detail.signature')} placeholder={t('detail.signature')} value={signature} onChange={(e) => setSignature(e.target.value)} />}
        <ErrorAlert error={act.error} />
        <Space>
          {task.kind === 'handler' ? (
            <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ taskId: task.id, body: { action: 'handle', ...text } }, done)}>
              {t('detail.handle')}
            </Button>
          ) : (
            <>
              <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ taskId: task.id, body: { action: 'approve', ...text, ...(signature ? { signature } : {}) } }, done)}>
                {t('detail.approve')}
              </Button>
              <Button danger loading={act.isPending} onClick={() => act.mutate({ taskId: task.id, body: { action: 'reject', ...text } }, done)}>
                {t('detail.reject')}
              </Button>
              <Button loading={act.isPending} onClick={() => act.mutate({ taskId: task.id, body: { action: 'return', ...text } }, done)}>
                {t('detail.return')}
              </Button>
            </>
          )}
        </Space>
        {task.kind === 'approver' && (
          <Space wrap>
            <Select style={{ minWidth: 160 }} allowClear showSearch optionFilterProp="label" aria-label={t('detail.transfer')} placeholder={t('detail.transfer')} value={transferTo} options={others} onChange={setTransferTo} />
            <Button disabled={!transferTo} loading={act.isPending} onClick={() => transferTo && act.mutate({ taskId: task.id, body: { action: 'transfer', toMemberId: transferTo, ...text } }, done)}>
              {t('detail.transfer')}
            </Button>
            {detail.settings.allowAddApprovers && (
              <>
                <Select mode="multiple" style={{ minWidth: 200 }} showSearch optionFilterProp="label" aria-label={t('detail.addApprovers')} placeholder={t('detail.addApprovers')} value={added} options={others} onChange={setAdded} />
                <Button disabled={added.length === 0} loading={act.isPending} onClick={() => act.mutate({ taskId: task.id, body: { action: 'add_approvers', memberIds: added, mode: 'all' } }, { onSuccess: () => { setAdded([]); void message.success(t('detail.done')); } })}>
                  {t('detail.addApprovers')}
                </Button>
              </>
            )}
          </Space>
        )}
      </Flex>
    </Card>
  );
}

/** A request with its form, each step's people (and why them), the member's action and the whole trail. */
export function RequestPage() {
  const { t } = useTranslation('approvals');
  const { requestId } = useParams<{ requestId: string }>();
  const me = useMe();
  const request = useRequest(requestId!);
  const people = usePeople();
  const withdraw = useWithdraw();
  const handover = useHandover();
  const memberOptions = (people.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }));
  const names = new Map((people.data?.members ?? []).map((m) => [m.id, m.name]));
  const why = useWhyText();
  const detail = request.data;
  const myTask = detail?.tasks.find((x) => x.assigneeId === me.member?.id && x.status === 'pending' && x.kind !== 'cc');

  return (
    <>
      <PageHeader
        title={
          <Space>
            {detail?.templateName}
            {detail && (
              <Tag color={STATUS_COLOR[detail.status]} data-testid="request-status">
                {t(`status.${detail.status as 'running'}`)}
              </Tag>
            )}
          </Space>
        }
        extra={
          detail?.status === 'running' &&
          detail.applicantId === me.member?.id && (
            <Popconfirm title={t('detail.withdraw')} onConfirm={() => withdraw.mutate(detail.id)}>
              <Button>{t('detail.withdraw')}</Button>
            </Popconfirm>
          )
        }
      />
      <ErrorAlert error={request.error ?? withdraw.error ?? handover.error} />
      {detail && (
        <Flex vertical gap="middle">
          <Card size="small" title={t('detail.form')}>
            <Descriptions column={1} size="small" items={[{ key: 'applicant', label: t('member.applicant'), children: detail.applicantName }, ...detail.fields.map((f) => ({ key: f.id, label: f.label, children: showValue(f, detail.form[f.id], names) }))]} />
          </Card>
          {myTask && <ActionBox key={myTask.id} task={myTask} detail={detail} members={memberOptions} />}
          <Card size="small" title={t('detail.flow')}>
            <Timeline
              items={detail.steps.map((step, index) => {
                const tasks = detail.tasks.filter((x) => x.step === index);
                return {
                  key: `${step.nodeId}-${index}`,
                  children: (
                    <Flex vertical gap={4} data-testid="request-step">
                      <Typography.Text strong>
                        {step.name}（{t(`flow.kinds.${step.kind}`)}）{step.autoApproved && <Tag>{t('detail.autoApproved')}</Tag>}
                      </Typography.Text>
                      {tasks.map((task) => (
                        <Flex key={task.id} vertical>
                          <Space wrap>
                            <Typography.Text>{task.assigneeName}</Typography.Text>
                            <Tag>{t(`taskStatus.${task.status as 'pending'}`)}</Tag>
                            {task.actedAt && <Typography.Text type="secondary">{formatDateTime(task.actedAt)}</Typography.Text>}
                            {task.signed && <Tag color="blue">{t('detail.signed')}</Tag>}
                            {me.roles.superAdmin && (task.status === 'pending' || task.status === 'waiting') && task.kind !== 'cc' && (
                              <Select
                                size="small"
                                style={{ minWidth: 140 }}
                                placeholder={t('detail.handover')}
                                aria-label={t('detail.handover')}
                                showSearch
                                optionFilterProp="label"
                                options={memberOptions.filter((o) => o.value !== task.assigneeId)}
                                onChange={(toMemberId: string) => handover.mutate({ taskId: task.id, toMemberId })}
                              />
                            )}
                          </Space>
                          {task.comment && <Typography.Text type="secondary">“{task.comment}”</Typography.Text>}
                          <Collapse
                            size="small"
                            ghost
                            items={[{ key: 'why', label: t('detail.why'), children: <ul style={{ margin: 0 }}>{task.why.map((r, i) => <li key={i}>{why(r)}</li>)}</ul> }]}
                          />
                        </Flex>
                      ))}
                      {tasks.length === 0 && step.reasons.length > 0 && <Typography.Text type="secondary">{step.reasons.map(why).join('；')}</Typography.Text>}
                    </Flex>
                  ),
                };
              })}
            />
          </Card>
          <Card size="small" title={t('detail.trail')}>
            <Timeline
              items={detail.trail.map((e) => ({
                key: e.id,
                children: (
                  <Typography.Text>
                    {formatDateTime(e.at)} · {e.actorName ?? '—'} · {t(`actions.${e.action as 'approve'}`, { defaultValue: e.action })}
                    {e.comment ? `：${e.comment}` : ''}
                  </Typography.Text>
                ),
              }))}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}
