import { QuestionCircleFilled } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Select, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useMe } from '../../session';
import { useCategoryText } from './categoryText';
import { OwnersCard } from './OwnersCard';

type Entry = Item<Reply<'/category/taxonomy'>['items']>;

const stateKey = ['/category'] as const;
const statusColor = { review: 'processing', approved: 'success', rejected: 'error' } as const;

export function CategoryPage() {
  const { t } = useTranslation('customers');
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const state = useQuery({ queryKey: stateKey, queryFn: () => api.get('/category') });
  const taxonomy = useQuery({ queryKey: ['/category/taxonomy'], queryFn: () => api.get('/category/taxonomy'), select: (d) => d.items, staleTime: Infinity });
  const [code, setCode] = useState<string>();
  const me = useMe();
  const text = useCategoryText();

  const groups = useMemo(() => {
    const byLevel1 = new Map<string, Entry[]>();
    for (const entry of taxonomy.data ?? []) byLevel1.set(text(entry).level1, [...(byLevel1.get(text(entry).level1) ?? []), entry]);
    return [...byLevel1].map(([level1, entries]) => ({ label: level1, title: level1, options: entries.map((e) => ({ value: e.code, label: text(e).label })) }));
  }, [taxonomy.data, text]);
  const chosen = taxonomy.data?.find((e) => e.code === code);

  const choose = useMutation({
    mutationFn: (next: string) => api.put('/category', { body: { code: next } }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: stateKey });
      setCode(undefined);
      void message.success(t('category.saved'));
    },
    onError: notifyError,
  });

  if (state.isError) return <LoadFailed error={state.error} onRetry={() => void state.refetch()} />;
  const current = state.data?.category;
  const currentEntry = current && taxonomy.data?.find((e) => e.code === current.code);
  // While a change is under review (or after it was rejected) the approved category stays in effect: both are shown.
  const inEffect = current?.status !== 'approved' ? state.data?.inEffect : null;
  const inEffectEntry = inEffect && taxonomy.data?.find((e) => e.code === inEffect.code);

  const columns: TableColumnsType<Entry> = [
    { key: 'level1', title: t('category.level1'), width: 140, render: (_, e) => text(e).level1 },
    { key: 'level2', title: t('category.level2'), width: 220, render: (_, e) => text(e).level2 ?? '—' },
    { key: 'scope', title: t('category.scope'), render: (_, e) => text(e).scope },
  ];

  return (
    <>
      <PageHeader title={t('category.title')}>{t('category.intro')}</PageHeader>
      <Flex vertical gap="middle">
        <Card loading={state.isPending}>
          <Descriptions
            column={1}
            items={[
              ...(inEffect
                ? [
                    {
                      key: 'inEffect',
                      label: t('category.inEffect'),
                      children: (
                        <Flex gap="small" align="center" data-testid="category-in-effect">
                          <span>{inEffectEntry ? text(inEffectEntry).label : inEffect.code}</span>
                          <Tag color={statusColor.approved}>{t('category.status.approved')}</Tag>
                        </Flex>
                      ),
                    },
                  ]
                : []),
              {
                key: 'current',
                label: inEffect ? t('category.requested') : t('category.current'),
                children: current ? (
                  <Flex gap="small" align="center" data-testid="category-current">
                    <span>{currentEntry ? text(currentEntry).label : current.code}</span>
                    <Tag color={statusColor[current.status]}>{t(`category.status.${current.status}`)}</Tag>
                  </Flex>
                ) : (
                  <Flex gap="small" align="center" data-testid="category-current">
                    <span>{t('category.unknown')}</span>
                    <QuestionCircleFilled style={{ color: '#ff4d4f' }} aria-label="unknown" />
                  </Flex>
                ),
              },
              ...(current?.reviewNote ? [{ key: 'note', label: t('category.reviewNote'), children: current.reviewNote }] : []),
              ...(current ? [{ key: 'at', label: t('category.chosen'), children: `${current.chosenBy} · ${formatDateTime(current.chosenAt)}` }] : []),
            ]}
          />
          {!current && <Alert type="warning" showIcon title={t('category.unknownHint')} style={{ marginBottom: 16 }} />}
          {state.data && !state.data.mayChoose ? (
            <Alert type="info" showIcon title={t('category.contactAdmin')} description={t('category.contactAdminHint')} />
          ) : (
            <Flex vertical gap="small">
              <Flex gap="small">
                <Select
                  showSearch
                  optionFilterProp="label"
                  style={{ width: 420 }}
                  placeholder={current ? t('category.change') : t('category.choose')}
                  options={groups}
                  value={code}
                  onChange={setCode}
                  aria-label={t('category.choose')}
                />
                <Button type="primary" disabled={!code} loading={choose.isPending} onClick={() => code && choose.mutate(code)}>
                  {t('category.save')}
                </Button>
              </Flex>
              {chosen && <Typography.Text type="secondary">{t('category.scopeLine', { scope: text(chosen).scope })}</Typography.Text>}
            </Flex>
          )}
        </Card>
        {me.roles.superAdmin && <OwnersCard />}
        <Card title={t('category.taxonomy')}>
          <ErrorAlert error={taxonomy.error} />
          <Table<Entry> rowKey="code" size="small" columns={columns} dataSource={taxonomy.data} loading={taxonomy.isPending} pagination={false} />
        </Card>
      </Flex>
    </>
  );
}
