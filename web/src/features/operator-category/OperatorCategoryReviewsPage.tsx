import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Flex, Form, Input, Popconfirm, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body, type Item, type Reply } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormModal } from '../../components/FormModal';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useCategoryText } from '../category/categoryText';

type PendingReview = Item<Reply<'/operator/category-reviews'>['items']>;

const KEY = ['/operator/category-reviews'];

// `version` is the choice under review: a decision on an older version is refused.
const decide = (row: PendingReview, decision: Body<'/operator/corps/{corpId}/category-review', 'put'>['decision'], note?: string) =>
  api.put('/operator/corps/{corpId}/category-review', { params: { path: { corpId: row.corpId } }, body: { version: row.version, decision, note } });

/** Business category choices waiting for the operator: approve, or reject with a note the enterprise sees. */
export function OperatorCategoryReviewsPage() {
  const { t } = useTranslation(['operatorCategory', 'common']);
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const categoryText = useCategoryText();
  const reviews = useQuery({ queryKey: KEY, queryFn: () => api.get('/operator/category-reviews'), select: (d) => d.items });
  const [rejecting, setRejecting] = useState<PendingReview | null>(null);
  const approve = useMutation({
    mutationFn: (row: PendingReview) => decide(row, 'approved'),
    onSuccess: () => void message.success(t('reviews.approved')),
    onError: notifyError,
    // Also after a refusal: the choice may have been decided or changed meanwhile.
    onSettled: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
  const columns: TableColumnsType<PendingReview> = [
    { key: 'corp', title: t('reviews.corp'), dataIndex: 'corpName' },
    { key: 'category', title: t('reviews.category'), render: (_, row) => categoryText(row).label },
    { key: 'scope', title: t('reviews.scope'), render: (_, row) => categoryText(row).scope },
    { key: 'chosenBy', title: t('reviews.chosenBy'), dataIndex: 'chosenBy' },
    { key: 'chosenAt', title: t('reviews.chosenAt'), dataIndex: 'chosenAt', render: formatDateTime },
    {
      key: 'actions',
      title: t('common:columns.actions'),
      render: (_, row) => (
        <Flex gap="small">
          <Popconfirm title={t('reviews.approveConfirm')} onConfirm={() => approve.mutate(row)}>
            <Button type="link" size="small" loading={approve.isPending && approve.variables?.corpId === row.corpId}>
              {t('reviews.approve')}
            </Button>
          </Popconfirm>
          <Button type="link" size="small" danger onClick={() => setRejecting(row)}>
            {t('reviews.reject')}
          </Button>
        </Flex>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('reviews.title')}>{t('reviews.hint')}</PageHeader>
      <ErrorAlert error={reviews.error} />
      <Table<PendingReview>
        rowKey="corpId"
        size="small"
        columns={columns}
        dataSource={reviews.data ?? []}
        loading={reviews.isLoading}
        locale={{ emptyText: t('reviews.empty') }}
      />
      <FormModal<{ note: string }>
        open={rejecting !== null}
        title={t('reviews.rejectTitle')}
        okText={t('reviews.reject')}
        onClose={() => setRejecting(null)}
        onSubmit={async ({ note }) => {
          try {
            await decide(rejecting!, 'rejected', note.trim());
            void message.success(t('reviews.rejected'));
          } finally {
            await queryClient.invalidateQueries({ queryKey: KEY });
          }
        }}
      >
        <Form.Item label={t('reviews.corp')}>{rejecting?.corpName}</Form.Item>
        <Form.Item name="note" label={t('reviews.note')} rules={[{ required: true, whitespace: true }]}>
          <Input.TextArea rows={3} maxLength={200} showCount />
        </Form.Item>
      </FormModal>
    </>
  );
}
