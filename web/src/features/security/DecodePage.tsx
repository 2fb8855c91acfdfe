import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Input, Table, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';

type Mark = Item<Reply<'/security/hidden-watermark/decode', 'post'>['marks']>;

/** 暗水印解析: text copied from a page or an export, back to the member and the minute it was marked. */
export function DecodePage() {
  const { t } = useTranslation('security');
  const notifyError = useNotifyError();
  const [text, setText] = useState('');
  const decode = useMutation({ mutationFn: () => api.post('/security/hidden-watermark/decode', { body: { text } }), onError: notifyError });
  const columns: TableColumnsType<Mark> = [
    { key: 'member', title: t('decode.member'), dataIndex: 'memberName' },
    { key: 'time', title: t('decode.time'), dataIndex: 'markedAt', render: formatDateTime },
  ];
  return (
    <>
      <PageHeader title={t('decode.title')}>{t('decode.intro')}</PageHeader>
      <Card>
        <Flex vertical gap="middle">
          <Input.TextArea rows={6} value={text} onChange={(e) => setText(e.target.value)} aria-label={t('decode.text')} />
          <div>
            <Button type="primary" disabled={text === ''} loading={decode.isPending} onClick={() => decode.mutate()}>
              {t('decode.run')}
            </Button>
          </div>
          {decode.data &&
            (decode.data.marks.length === 0 ? (
              <Empty description={t('decode.none')} />
            ) : (
              <Table<Mark> rowKey={(m) => `${m.memberId}:${m.markedAt}`} size="small" pagination={false} columns={columns} dataSource={decode.data.marks} />
            ))}
        </Flex>
      </Card>
    </>
  );
}
