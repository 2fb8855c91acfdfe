import { DownloadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Flex, Form, List, Radio, Select, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ApiError, api, type Body, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { useCurrentCorp, useMe } from '../../session';
import { ScanUpload, type Scan } from '../certification/ScanUpload';

type Checklist = Item<Reply<'/data-migration-requirements'>['items']>;
type Relation = Checklist['relation'];
type Material = Item<Item<Checklist['required']>>;
type Materials = Body<'/data-migrations', 'post'>['materials'];

const TEMPLATES = ['entrustment_letter', 'name_authorization'] as const;

/**
 * 申请数据迁移: the target (迁入, another enterprise the admin administers), the relationship, and
 * the materials it requires as a checklist, each uploaded in place; the server refuses an application
 * missing one, naming it.
 */
export function ApplyMigrationPage() {
  const { t } = useTranslation('dataMigration');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const me = useMe();
  const current = useCurrentCorp();
  const checklists = useQuery({ queryKey: ['/data-migration-requirements'], queryFn: () => api.get('/data-migration-requirements'), select: (d) => d.items });
  const [targetCorpId, setTarget] = useState<string>();
  const [relation, setRelation] = useState<Relation>();
  const [scans, setScans] = useState<Partial<Record<Material, Scan>>>({});
  const required = checklists.data?.find((c) => c.relation === relation)?.required ?? [];
  const submit = useMutation({
    mutationFn: () => {
      // Only the chosen relationship's materials go with it, whatever else was uploaded before switching.
      const materials: Materials = Object.fromEntries(required.flat().flatMap((m) => (scans[m] ? [[m, scans[m].id]] : [])));
      return api.post('/data-migrations', { body: { targetCorpId: targetCorpId!, relation: relation!, materials } });
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/data-migrations'] });
      void message.success(t('apply.submitted'));
      void navigate('/data-migrations');
    },
  });
  const refusal = (error: unknown) =>
    error instanceof ApiError && error.code === 'datamigration.material_missing' ? t('apply.missing', { name: t(`materials.${error.details.material as Material}`) }) : errorMessage(error);

  return (
    <>
      <PageHeader title={t('apply.title')}>{t('apply.hint')}</PageHeader>
      <ErrorAlert error={checklists.error} />
      <Card>
        <Form layout="vertical" style={{ maxWidth: 720 }} onFinish={() => submit.mutate()}>
          <Form.Item label={t('source')}>
            <Typography.Text>{current.name}</Typography.Text>
          </Form.Item>
          <Form.Item name="target" label={t('target')} extra={t('apply.targetHint')} rules={[{ required: true, message: t('apply.targetRequired') }]}>
            <Select
              style={{ maxWidth: 360 }}
              value={targetCorpId}
              onChange={setTarget}
              options={me.corps.filter((c) => c.id !== current.id).map((c) => ({ value: c.id, label: c.name }))}
              notFoundContent={t('apply.noTarget')}
            />
          </Form.Item>
          <Form.Item name="relation" label={t('relation')} rules={[{ required: true, message: t('apply.relationRequired') }]}>
            <Radio.Group value={relation} onChange={(e) => setRelation(e.target.value as Relation)}>
              <Space direction="vertical">
                {(checklists.data ?? []).map((c) => (
                  <Radio key={c.relation} value={c.relation}>
                    {t(`relations.${c.relation}`)}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          {relation && (
            <Form.Item label={t('apply.checklist')}>
              <List
                bordered
                size="small"
                data-testid="material-checklist"
                dataSource={required}
                renderItem={(options) => {
                  const done = options.some((m) => scans[m]);
                  return (
                    <List.Item key={options.join('|')} extra={<Tag color={done ? 'success' : 'default'}>{done ? t('apply.uploaded') : t('apply.notUploaded')}</Tag>}>
                      <Flex vertical gap={4}>
                        {options.length > 1 && <Typography.Text type="secondary">{t('apply.oneOf')}</Typography.Text>}
                        {options.map((m) => (
                          <Flex key={m} gap="small" align="center" wrap>
                            <Typography.Text strong>{t(`materials.${m}`)}</Typography.Text>
                            <ScanUpload label={t(`materials.${m}`)} value={scans[m]} onChange={(scan) => setScans((s) => ({ ...s, [m]: scan }))} />
                          </Flex>
                        ))}
                      </Flex>
                    </List.Item>
                  );
                }}
              />
            </Form.Item>
          )}
          <Form.Item label={t('apply.templates')}>
            <Space wrap>
              {TEMPLATES.map((kind) => (
                <Button key={kind} icon={<DownloadOutlined />} href={`/api/v1/data-migration-templates/${kind}`}>
                  {t(`materials.${kind}`)}
                </Button>
              ))}
            </Space>
          </Form.Item>
          {submit.error && <Alert type="error" showIcon title={refusal(submit.error)} style={{ marginBottom: 16 }} data-testid="apply-refusal" />}
          <Button type="primary" htmlType="submit" loading={submit.isPending}>
            {t('apply.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
