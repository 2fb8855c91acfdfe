import { Button, Card, Collapse, Descriptions, Flex, Form, Input, Popconfirm, Select, Space, Tag, Timeline, Typography, App as AntApp } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useMe } from '../../session';
import { useAct, useEditRequest, useHandover, usePeople, useRequest, useWithdraw, type Detail, type FormField, type FormValues, type Reason, type TaskView } from './api';
import { FormFields, toFormState, toValues } from './FormFields';
import { STATUS_COLOR } from './MemberApprovalsPage';
import { SignaturePad } from './SignaturePad';
import { useStepLabel } from './stepLabel';

/**
 * A reason line in the current language, from its code and data; the server's text when the code is
 * unknown. A CC step's people are all copied: no signing mode is named for them.
 */
export function useWhyText(): (r: Reason, stepKind?: string) => string {
  const { t } = useTranslation('approvals');
  return (r, stepKind) => {
    const d = r.data ?? {};
    const mode = stepKind === 'cc' ? t('flow.ccEveryone') : typeof d.mode === 'string' ? t(`flow.modes.${d.mode as 'all'}`) : '';
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

/**
 * What the member can do on their open task: approvers approve (signing on the pad when the rule
 * asks for it) or reject, handlers only confirm, and consenters agree to or refuse an edit.
 */
function ActionBox({ task, detail, members }: { task: TaskView; detail: Detail; members: { value: string; label: string }[] }) {
  const { t } = useTranslation('approvals');
  const { message } = AntApp.useApp();
  const act = useAct();
  const [comment, setComment] = useState('');
  const [signature, setSignature] = useState<string>();
  const [transferTo, setTransferTo] = useState<string>();
  const [added, setAdded] = useState<string[]>([]);
  // The server refuses a 转交 or 加签 to oneself or to the applicant (nobody approves their own request).
  const others = members.filter((m) => m.value !== task.assigneeId && m.value !== detail.applicantId);
  const done = { onSuccess: () => void message.success(t('detail.done')) };
  const text = comment.trim() ? { comment } : {};
  const needsSignature = task.kind === 'approver' && detail.settings.requireSignature;
  const approve = () => act.mutate({ taskId: task.id, body: { action: 'approve', ...text, ...(signature ? { signature } : {}) } }, done);
  const reject = () => act.mutate({ taskId: task.id, body: { action: 'reject', ...text } }, done);
  const title = task.kind === 'consent' ? t('edit.consentTitle') : t(`flow.kinds.${task.kind === 'handler' ? 'handler' : 'approver'}`);
  return (
    <Card size="small" title={title} data-testid="action-box">
      <Flex vertical gap="small">
        <Input.TextArea aria-label={t('detail.comment')} placeholder={t('detail.comment')} value={comment} onChange={(e) => setComment(e.target.value)} />
        {needsSignature && (
          <Flex vertical gap={4}>
            <Typography.Text type="secondary">{t('detail.signHere')}</Typography.Text>
            <SignaturePad onChange={setSignature} />
          </Flex>
        )}
        <ErrorAlert error={act.error} />
        <Space>
          {task.kind === 'handler' && (
            <Button type="primary" loading={act.isPending} onClick={() => act.mutate({ taskId: task.id, body: { action: 'handle', ...text } }, done)}>
              {t('detail.handle')}
            </Button>
          )}
          {task.kind === 'consent' && (
            <>
              <Button type="primary" loading={act.isPending} onClick={approve}>
                {t('edit.consent')}
              </Button>
              <Button danger loading={act.isPending} onClick={reject}>
                {t('edit.refuse')}
              </Button>
            </>
          )}
          {task.kind === 'approver' && (
            <>
              <Button type="primary" loading={act.isPending} disabled={needsSignature && !signature} onClick={approve}>
                {t('detail.approve')}
              </Button>
              <Button danger loading={act.isPending} onClick={reject}>
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

/** 通过后允许编辑: the request's form filled with its current values; submitting asks its approvers and handlers to consent. */
function EditForm({ detail, onClose }: { detail: Detail; onClose: () => void }) {
  const { t } = useTranslation('approvals');
  const edit = useEditRequest();
  return (
    <Card size="small" title={t('edit.title')} data-testid="edit-form">
      <Form layout="vertical" initialValues={toFormState(detail.fields, detail.form)} onFinish={(raw: Record<string, unknown>) => edit.mutate({ id: detail.id, form: toValues(detail.fields, raw) }, { onSuccess: onClose })}>
        <FormFields fields={detail.fields} />
        <FormError error={edit.error} />
        <Space>
          <Button type="primary" htmlType="submit" loading={edit.isPending}>
            {t('edit.submit')}
          </Button>
          <Button onClick={onClose}>{t('edit.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}

/** An edit waiting for consent: the proposed values, and each consenter of this round with where they stand. */
function PendingEdit({ detail, names }: { detail: Detail; names: Map<string, string> }) {
  const { t } = useTranslation('approvals');
  const proposed = detail.pendingEdit;
  if (!proposed) return null;
  const consents = detail.tasks.filter((x) => x.kind === 'consent');
  // One edit's consent tasks are made together; earlier edits' (closed) tasks are older.
  const round = consents.reduce((latest, x) => (x.createdAt > latest ? x.createdAt : latest), '');
  return (
    <Card size="small" title={t('edit.pending')} data-testid="pending-edit">
      <Flex vertical gap="small">
        <Typography.Text type="secondary">{t('edit.pendingHint')}</Typography.Text>
        <Descriptions column={1} size="small" items={detail.fields.map((f) => ({ key: f.id, label: f.label, children: showValue(f, proposed[f.id], names) }))} />
        <Space wrap>
          {consents
            .filter((x) => x.createdAt === round)
            .map((x) => (
              <Space key={x.id} size={4}>
                <Typography.Text>{x.assigneeName}</Typography.Text>
                <Tag>{t(`taskStatus.${x.status as 'pending'}`)}</Tag>
              </Space>
            ))}
        </Space>
      </Flex>
    </Card>
  );
}

/** One line of the trail: who did what; a signed approval says so, a requested edit lists the proposed values. */
function TrailEntry({ event, detail, names }: { event: Detail['trail'][number]; detail: Detail; names: Map<string, string> }) {
  const { t } = useTranslation(['approvals', 'common']);
  const consent = detail.tasks.some((x) => x.id === event.taskId && x.kind === 'consent');
  const action = consent ? t(event.action === 'approve' ? 'actions.consent_approve' : 'actions.consent_reject') : t(`actions.${event.action as 'approve'}`, { defaultValue: event.action });
  const proposed = event.action === 'edit_requested' ? (event.details.form as FormValues) : undefined;
  return (
    <Flex vertical gap={2} data-testid="trail-entry">
      <Space size={4} wrap>
        <Typography.Text>
          {formatDateTime(event.at)} · {event.actorName ?? t('detail.byTheFlow')} · {event.comment ? t('common:labelled', { label: action, value: event.comment }) : action}
        </Typography.Text>
        {event.details.signed === true && <Tag color="blue">{t('detail.signed')}</Tag>}
      </Space>
      {proposed && (
        <Typography.Text type="secondary">
          {detail.fields
            .filter((f) => proposed[f.id] !== undefined)
            .map((f) => t('common:labelled', { label: f.label, value: showValue(f, proposed[f.id], names) }))
            .join(t('common:pairSeparator'))}
        </Typography.Text>
      )}
    </Flex>
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
  const stepLabel = useStepLabel();
  const detail = request.data;
  const myTask = detail?.tasks.find((x) => x.assigneeId === me.member?.id && x.status === 'pending' && x.kind !== 'cc');
  const [editing, setEditing] = useState(false);
  // The API lets the applicant and the submitter edit, once approved and while no other edit waits.
  const mayEdit = detail?.status === 'approved' && detail.settings.allowEditAfterApproval && detail.pendingEdit === null && [detail.applicantId, detail.submitterId].includes(me.member?.id ?? '');

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
          <>
            {detail?.canWithdraw && (
              <Popconfirm title={t('detail.withdraw')} onConfirm={() => withdraw.mutate(detail.id)}>
                <Button>{t('detail.withdraw')}</Button>
              </Popconfirm>
            )}
            {mayEdit && !editing && <Button onClick={() => setEditing(true)}>{t('edit.open')}</Button>}
          </>
        }
      />
      <ErrorAlert error={request.error ?? withdraw.error ?? handover.error} />
      {detail && (
        <Flex vertical gap="middle">
          {mayEdit && editing ? (
            <EditForm detail={detail} onClose={() => setEditing(false)} />
          ) : (
            <Card size="small" title={t('detail.form')} data-testid="request-form">
              <Descriptions column={1} size="small" items={[{ key: 'applicant', label: t('member.applicant'), children: detail.applicantName }, ...detail.fields.map((f) => ({ key: f.id, label: f.label, children: showValue(f, detail.form[f.id], names) }))]} />
            </Card>
          )}
          <PendingEdit detail={detail} names={names} />
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
                        {stepLabel(step)}
                        {step.autoApproved && <Tag>{t('detail.autoApproved')}</Tag>}
                        {step.dropped && <Tag data-testid="step-dropped">{t('detail.dropped')}</Tag>}
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
                                options={memberOptions.filter((o) => o.value !== task.assigneeId && o.value !== detail.applicantId)}
                                onChange={(toMemberId: string) => handover.mutate({ taskId: task.id, toMemberId })}
                              />
                            )}
                          </Space>
                          {task.comment && <Typography.Text type="secondary">“{task.comment}”</Typography.Text>}
                          <Collapse
                            size="small"
                            ghost
                            items={[{ key: 'why', label: t('detail.why'), children: <ul style={{ margin: 0 }}>{task.why.map((r, i) => <li key={i}>{why(r, step.kind)}</li>)}</ul> }]}
                          />
                        </Flex>
                      ))}
                      {tasks.length === 0 && step.reasons.length > 0 && <Typography.Text type="secondary">{step.reasons.map((r) => why(r, step.kind)).join(t('detail.reasonSeparator'))}</Typography.Text>}
                    </Flex>
                  ),
                };
              })}
            />
          </Card>
          <Card size="small" title={t('detail.trail')}>
            <Timeline
              items={detail.trail.map((e) => ({ key: e.id, children: <TrailEntry event={e} detail={detail} names={names} /> }))}
            />
          </Card>
        </Flex>
      )}
    </>
  );
}
