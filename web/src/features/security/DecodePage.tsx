import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { Button, Card, Empty, Flex, Input, Table, Tabs, Upload, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Item, type Reply } from '../../api';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime } from '../../format';
import { useNotifyError } from '../../hooks/useNotifyError';

type Decoded = Reply<'/security/hidden-watermark/decode', 'post'>;
type Mark = Item<Decoded['marks']>;

function imageForm(body: { file: Blob }): FormData {
  const form = new FormData();
  form.append('file', body.file, body.file instanceof File ? body.file.name : 'image');
  return form;
}

/**
 * 暗水印解析: text copied from a page or an export, or an image saved from the drive, back to the
 * member and the minute it was marked.
 */
export function DecodePage() {
  const { t } = useTranslation('security');
  const notifyError = useNotifyError();
  const [text, setText] = useState('');
  const [result, setResult] = useState<Decoded>();
  const decode = useMutation({ mutationFn: () => api.post('/security/hidden-watermark/decode', { body: { text } }), onSuccess: setResult, onError: notifyError });
  const decodeImage = useMutation({
    mutationFn: (file: File) => api.post('/security/hidden-watermark/decode-image', { body: { file }, bodySerializer: imageForm }),
    onSuccess: setResult,
    onError: notifyError,
  });
  const columns: TableColumnsType<Mark> = [
    { key: 'member', title: t('decode.member'), dataIndex: 'memberName' },
    { key: 'userid', title: t('decode.userid'), dataIndex: 'userid' },
    { key: 'time', title: t('decode.time'), dataIndex: 'markedAt', render: formatDateTime },
  ];
  const textTab = (
    <Flex vertical gap="middle">
      <Input.TextArea rows={6} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('decode.text')} aria-label={t('decode.text')} />
      <div>
        <Button type="primary" disabled={text === ''} loading={decode.isPending} onClick={() => decode.mutate()}>
          {t('decode.run')}
        </Button>
      </div>
    </Flex>
  );
  const imageTab = (
    <Flex vertical gap="small">
      <div>{t('decode.imageIntro')}</div>
      <Upload
        accept="image/png,image/jpeg,image/gif,image/webp"
        showUploadList={false}
        beforeUpload={(file) => {
          decodeImage.mutate(file);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={decodeImage.isPending}>
          {t('decode.chooseImage')}
        </Button>
      </Upload>
    </Flex>
  );
  return (
    <>
      <PageHeader title={t('decode.title')}>{t('decode.intro')}</PageHeader>
      <Card>
        <Flex vertical gap="middle">
          <Tabs
            onChange={() => setResult(undefined)}
            items={[
              { key: 'text', label: t('decode.textTab'), children: textTab },
              { key: 'image', label: t('decode.imageTab'), children: imageTab },
            ]}
          />
          {result &&
            (result.marks.length === 0 ? (
              <Empty description={t('decode.none')} />
            ) : (
              <Table<Mark> rowKey={(m) => `${m.memberId}:${m.markedAt}`} size="small" pagination={false} columns={columns} dataSource={result.marks} />
            ))}
        </Flex>
      </Card>
    </>
  );
}
