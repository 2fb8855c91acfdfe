import { Button, Card, Flex, Form, Select, Steps, App as AntApp } from 'antd';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { api, type Body } from '../../api';
import { ErrorAlert, FormError } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useMe } from '../../session';
import { usePeople, useTemplate, type NodeKind } from './api';
import { FormFields, toValues } from './FormFields';
import { actionNodes } from './flow';
import { useStepLabel } from './stepLabel';

/** Member area: fill in a template's form, choose people where the flow asks, preview the path, submit. */
export function SubmitPage() {
  const { t } = useTranslation('approvals');
  const stepLabel = useStepLabel();
  const { templateId } = useParams<{ templateId: string }>();
  const template = useTemplate(templateId);
  const people = usePeople();
  const navigate = useNavigate();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm();
  const me = useMe();
  const memberOptions = (people.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }));
  const picks = actionNodes(template.data?.flow ?? []).filter((n) => n.assignee.type === 'pick');
  // The applicant cannot pick themselves to approve or handle (the server refuses it); a CC pick may.
  const applicant = (Form.useWatch('applicant:', form) as string | undefined) ?? me.member?.id;
  const pickOptions = (kind: NodeKind) => (kind === 'cc' ? memberOptions : memberOptions.filter((o) => o.value !== applicant));

  // Sent only from the form, which shows once the template is loaded.
  const body = (): Body<'/approvals/requests', 'post'> => {
    const raw = form.getFieldsValue(true) as Record<string, unknown>;
    const fields = template.data?.form ?? [];
    const chosen: Record<string, string[]> = Object.fromEntries(picks.map((n) => [n.id, ((raw[`pick:${n.id}`] as string[] | string | undefined) ?? [])]).map(([k, v]) => [k, Array.isArray(v) ? v : [v]]).filter(([, v]) => (v as string[]).length > 0));
    const applicantId = raw['applicant:'] as string | undefined;
    const ccAdd = (raw['cc:'] as string[] | undefined) ?? [];
    const mentions = (raw['mentions:'] as string[] | undefined) ?? [];
    return {
      templateId: template.data?.id ?? '',
      form: toValues(fields, raw),
      ...(Object.keys(chosen).length ? { picks: chosen } : {}),
      ...(applicantId ? { applicantId } : {}),
      ...(ccAdd.length ? { ccAdd } : {}),
      ...(mentions.length ? { mentions } : {}),
    };
  };
  const preview = useMutation({ mutationFn: () => api.post('/approvals/preview', { body: body() }) });
  const submit = useMutation({
    mutationFn: () => api.post('/approvals/requests', { body: body() }),
    onSuccess: (res) => {
      void message.success(t('member.submittedOk'));
      void navigate(`/app/approvals/requests/${res.instanceId}`);
    },
  });

  return (
    <>
      <PageHeader title={template.data?.name ?? ''}>{template.data?.description}</PageHeader>
      <ErrorAlert error={template.error} />
      <Card loading={template.isPending}>
        {template.data && (
          <Form form={form} layout="vertical" onFinish={() => submit.mutate()}>
            <FormFields fields={template.data.form} />
            {picks.map((n) => (
              <Form.Item key={n.id} name={`pick:${n.id}`} label={t('member.pickFor', { name: n.name })} rules={[{ required: true }]}>
                <Select mode={n.assignee.type === 'pick' && n.assignee.max > 1 ? 'multiple' : undefined} showSearch optionFilterProp="label" aria-label={t('member.pickFor', { name: n.name })} options={pickOptions(n.kind)} />
              </Form.Item>
            ))}
            {template.data.settings.allowOnBehalf && (
              <Form.Item name="applicant:" label={t('member.onBehalf')}>
                <Select allowClear showSearch optionFilterProp="label" options={memberOptions} />
              </Form.Item>
            )}
            <Form.Item name="cc:" label={t('member.ccAdd')}>
              <Select mode="multiple" showSearch optionFilterProp="label" options={memberOptions} />
            </Form.Item>
            <Form.Item name="mentions:" label={t('member.mentions')}>
              <Select mode="multiple" showSearch optionFilterProp="label" options={memberOptions} />
            </Form.Item>
            <FormError error={submit.error ?? preview.error} />
            {preview.data && (
              <Card size="small" title={t('detail.flow')} style={{ marginBottom: 16 }} data-testid="preview">
                <Steps
                  direction="vertical"
                  size="small"
                  items={preview.data.steps.map((s) => ({
                    title: stepLabel(s),
                    description: s.autoApproved ? t('detail.autoApproved') : s.assigneeIds.map((id) => preview.data!.names[id] ?? id).join('、'),
                  }))}
                />
              </Card>
            )}
            <Flex gap="small">
              <Button onClick={() => preview.mutate()} loading={preview.isPending}>
                {t('member.preview')}
              </Button>
              <Button type="primary" htmlType="submit" loading={submit.isPending}>
                {t('member.submit')}
              </Button>
            </Flex>
          </Form>
        )}
      </Card>
    </>
  );
}
