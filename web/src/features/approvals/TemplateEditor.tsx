import { Alert, Button, Card, Checkbox, Flex, Input, Select, Space, Tabs, Typography, App as AntApp } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { DEFAULT_SETTINGS, usePeople, useSaveTemplate, useTemplate, type FieldType, type FormField, type TemplateInput } from './api';
import { FlowDesigner } from './FlowDesigner';
import { newNodeId } from './flow';
import { RulesForm } from './RulesForm';
import { VisibilityPicker } from './VisibilityPicker';

const FIELD_TYPES: FieldType[] = ['text', 'number', 'money', 'date', 'select', 'multiselect', 'member', 'department', 'attachment'];

const BLANK: TemplateInput = { name: '', description: '', form: [], flow: [], settings: DEFAULT_SETTINGS, visibility: null, assistantIds: [] };

/**
 * One template: basics, visible range and form, the flow designer and the rule settings, saved
 * together (checked on save). `setsAssistants`: the caller administers the app (an assistant sees
 * the 协助管理 list but does not change it; the server refuses that too).
 */
export function TemplateEditor({ templateId, onDone, setsAssistants }: { templateId: string; onDone: () => void; setsAssistants: boolean }) {
  const { t } = useTranslation('approvals');
  const { message } = AntApp.useApp();
  const loaded = useTemplate(templateId);
  const people = usePeople();
  const save = useSaveTemplate();
  const [draft, setDraft] = useState<TemplateInput>(BLANK);
  const isNew = templateId === 'new';

  useEffect(() => {
    if (loaded.data) {
      const { name, description, form, flow, settings, visibility, assistantIds } = loaded.data;
      setDraft({ name, description, form, flow, settings, visibility, assistantIds });
    }
  }, [loaded.data]);

  if (!isNew && loaded.isError) return <LoadFailed error={loaded.error} onRetry={() => void loaded.refetch()} />;

  // An existing template is saved against the version it was loaded at.
  const target = isNew ? { input: draft } : loaded.data && { id: templateId, version: loaded.data.version, input: draft };
  const setField = (i: number, f: FormField) => setDraft({ ...draft, form: draft.form.map((x, k) => (k === i ? f : x)) });

  const formEditor = (
    <Flex vertical gap="small">
      {draft.form.map((f, i) => (
        <Space key={f.id} wrap data-testid="form-field">
          <Input aria-label={t('editor.fieldLabel')} placeholder={t('editor.fieldLabel')} value={f.label} onChange={(e) => setField(i, { ...f, label: e.target.value })} style={{ width: 180 }} />
          <Select
            aria-label={t('editor.fieldType')}
            style={{ width: 120 }}
            value={f.type}
            options={FIELD_TYPES.map((type) => ({ value: type, label: t(`fieldTypes.${type}`) }))}
            onChange={(type: FieldType) => {
              const { options: _drop, ...rest } = f;
              setField(i, type === 'select' || type === 'multiselect' ? { ...rest, type, options: f.options ?? [] } : { ...rest, type });
            }}
          />
          {(f.type === 'select' || f.type === 'multiselect') && (
            <Input aria-label={t('editor.options')} placeholder={t('editor.options')} value={(f.options ?? []).join(',')} onChange={(e) => setField(i, { ...f, options: e.target.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean) })} />
          )}
          <Checkbox checked={f.required} onChange={(e) => setField(i, { ...f, required: e.target.checked })}>
            {t('editor.required')}
          </Checkbox>
          <Button onClick={() => setDraft({ ...draft, form: draft.form.filter((_, k) => k !== i) })}>{t('editor.remove')}</Button>
        </Space>
      ))}
      <div>
        <Button onClick={() => setDraft({ ...draft, form: [...draft.form, { id: newNodeId('f'), type: 'text', label: '', required: true }] })}>{t('editor.addField')}</Button>
      </div>
    </Flex>
  );

  return (
    <>
      <PageHeader
        title={draft.name || t('templates.new')}
        extra={
          <Space>
            <Button onClick={onDone}>{t('editor.back')}</Button>
            <Button
              type="primary"
              loading={save.isPending}
              disabled={!target}
              onClick={() =>
                target &&
                save.mutate(target, {
                  onSuccess: () => {
                    void message.success(t('editor.saved'));
                    onDone();
                  },
                })
              }
            >
              {t('editor.save')}
            </Button>
          </Space>
        }
      />
      <ErrorAlert error={save.error} />
      <Card loading={!isNew && loaded.isPending}>
        <Tabs
          items={[
            {
              key: 'basics',
              label: t('editor.tabs.basics'),
              children: (
                <Flex vertical gap="middle">
                  <Input aria-label={t('templates.name')} placeholder={t('templates.name')} value={draft.name} maxLength={60} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
                  <Input.TextArea aria-label={t('editor.description')} placeholder={t('editor.description')} value={draft.description} maxLength={500} onChange={(e) => setDraft({ ...draft, description: e.target.value })} />
                  {!loaded.data?.builtin && <VisibilityPicker value={draft.visibility} onChange={(visibility) => setDraft({ ...draft, visibility })} people={people.data} />}
                  {loaded.data?.builtin ? (
                    <Alert type="info" showIcon title={t('editor.builtinForm', { fields: draft.form.map((f) => f.label).join('、') })} data-testid="builtin-form" />
                  ) : (
                    formEditor
                  )}
                </Flex>
              ),
            },
            { key: 'flow', label: t('editor.tabs.flow'), children: <FlowDesigner flow={draft.flow} onChange={(flow) => setDraft({ ...draft, flow })} fields={draft.form} people={people.data} /> },
            {
              key: 'rules',
              label: t('editor.tabs.rules'),
              children: (
                <Flex vertical gap="middle">
                  <RulesForm value={draft.settings} onChange={(settings) => setDraft({ ...draft, settings })} people={people.data} />
                  <Card size="small" title={t('rules.assistants')} data-testid="assistants">
                    <Flex vertical gap="small">
                      <Typography.Text type="secondary">{t('rules.assistantsHint')}</Typography.Text>
                      <Select
                        mode="multiple"
                        showSearch
                        optionFilterProp="label"
                        disabled={!setsAssistants}
                        aria-label={t('rules.assistants')}
                        placeholder={t('rules.assistantsPlaceholder')}
                        value={draft.assistantIds}
                        options={(people.data?.members ?? []).map((m) => ({ value: m.id, label: m.name }))}
                        onChange={(assistantIds: string[]) => setDraft({ ...draft, assistantIds })}
                      />
                    </Flex>
                  </Card>
                </Flex>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
