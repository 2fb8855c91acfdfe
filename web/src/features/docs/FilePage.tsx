import { Button, Card, Col, Flex, Image, Input, List, Mentions, Modal, Row, Space, Tabs, Tag, Typography, Upload, message } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDateTime, formatSize } from '../../format';
import { lazyComponent } from '../../components/lazyComponent';
import { cellName, useAddComment, useAddImage, useImages, useComments, usePeople, useDeleteTable, useFile, useInsertTable, useResolve, useRestore, useRevisions, useSaveTable, useTables, useUpdateFile, type Revision } from './api';

// FortuneSheet is most of a megabyte: it loads with the first sheet opened, not with the console.
const SheetEditor = lazyComponent(() => import('./SheetEditor'));

/** A document (text and tables) or a sheet (cells), with its comments and, for a sheet, its history. */
export function FilePage() {
  const { t } = useTranslation('docs');
  const { fileId = '' } = useParams();
  const file = useFile(fileId);
  const [cell, setCell] = useState<{ sheetId: string; row: number; col: number }>();
  if (!file.data) return <ErrorAlert error={file.error} />;
  const f = file.data;
  const canEdit = f.access !== 'view';
  return (
    <>
      <PageHeader
        title={f.title}
        extra={
          <Space>
            {!canEdit && <Tag>{t('file.viewOnly')}</Tag>}
            {f.kind === 'sheet' && (
              <Button href={`/api/v1/docs/files/${f.id}/export`} target="_blank">
                {t('file.export')}
              </Button>
            )}
            <Link to="/app/docs">{t('file.back')}</Link>
          </Space>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          {f.kind === 'document' ? <DocumentBody fileId={f.id} body={f.body} canEdit={canEdit} /> : <SheetEditor fileId={f.id} canEdit={canEdit} onSelect={setCell} />}
        </Col>
        <Col xs={24} lg={8}>
          <Card>
            <Tabs
              items={[
                { key: 'comments', label: t('file.comments'), children: <Comments fileId={f.id} cell={cell} /> },
                ...(f.kind === 'sheet' ? [{ key: 'history', label: t('file.history'), children: <History fileId={f.id} canEdit={canEdit} /> }] : []),
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** An image in a document's text: `![name](image:id)`, shown as the image where it stands. */
const IMAGE_MARK = /!\[([^\]\n]*)\]\(image:([\w-]+)\)/g;
const imageMark = (image: { id: string; name: string }) => `![${image.name.replace(/[\]\n]/g, ' ')}](image:${image.id})`;

/** The text with its images in place. */
function InlineBody({ fileId, text }: { fileId: string; text: string }) {
  const parts: React.ReactNode[] = [];
  let at = 0;
  for (const m of text.matchAll(IMAGE_MARK)) {
    if (m.index > at) parts.push(<span key={`t${at}`}>{text.slice(at, m.index)}</span>);
    parts.push(<Image key={`i${m.index}`} src={`/api/v1/docs/files/${fileId}/images/${m[2]!}`} alt={m[1]} style={{ maxWidth: '100%', display: 'block' }} />);
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(<span key={`t${at}`}>{text.slice(at)}</span>);
  return (
    <div data-testid="doc-inline" style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
      {parts}
    </div>
  );
}

function DocumentBody({ fileId, body, canEdit }: { fileId: string; body: string; canEdit: boolean }) {
  const { t } = useTranslation('docs');
  const [text, setText] = useState(body);
  // Where an image goes into the text: the caret's last place (the end at first).
  const caret = useRef(body.length);
  const update = useUpdateFile(fileId);
  const tables = useTables(fileId, true);
  const insert = useInsertTable(fileId);
  const addImage = useAddImage(fileId);
  /** Uploads the image and puts its mark into the text at `at`; the text is saved with 保存正文 as any edit. */
  const addInline = async (kind: 'pasted' | 'attachment', file: File, at: number) => {
    let image: { id: string; name: string };
    try {
      image = await addImage.mutateAsync({ kind, file });
    } catch {
      return; // shown by the images card's error
    }
    setText((now) => {
      const where = Math.min(at, now.length);
      caret.current = where + imageMark(image).length;
      return `${now.slice(0, where)}${imageMark(image)}${now.slice(where)}`;
    });
  };
  // A pasted screenshot goes up as `pasted` (the server compresses a large one); the text pastes as usual.
  const pasteImages = (clipboard: DataTransfer, at: number) => {
    for (const file of clipboard.files) if (file.type.startsWith('image/')) void addInline('pasted', file, at);
  };
  const remember = (area: HTMLTextAreaElement) => {
    caret.current = area.selectionStart;
  };
  return (
    <Flex vertical gap="middle">
      <Card title={t('file.body')}>
        <Input.TextArea
          aria-label={t('file.body')}
          placeholder={t('file.body')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            remember(e.target);
          }}
          onSelect={(e) => remember(e.currentTarget)}
          onPaste={canEdit ? (e) => pasteImages(e.clipboardData, e.currentTarget.selectionStart) : undefined}
          autoSize={{ minRows: 6 }}
          readOnly={!canEdit}
        />
        {text.match(IMAGE_MARK) && <InlineBody fileId={fileId} text={text} />}
        {canEdit && (
          <Button style={{ marginTop: 8 }} loading={update.isPending} onClick={() => void update.mutateAsync({ body: text }).then(() => message.success(t('file.saved')))}>
            {t('file.saveBody')}
          </Button>
        )}
      </Card>
      <Card
        title={t('file.tables', { count: tables.data?.items.length ?? 0, limit: tables.data?.limit ?? 100 })}
        extra={
          canEdit && (
            <Button onClick={() => insert.mutate()} loading={insert.isPending}>
              {t('file.insertTable')}
            </Button>
          )
        }
      >
        <ErrorAlert error={insert.error ?? tables.error} />
        {(tables.data?.items ?? []).map((table) => (
          <DocTable key={table.id} fileId={fileId} id={table.id} cells={table.cells} canEdit={canEdit} />
        ))}
      </Card>
      <Card
        title={t('file.images')}
        extra={
          canEdit && (
            <Upload accept="image/*" showUploadList={false} beforeUpload={(file) => (void addInline('attachment', file, caret.current), false)}>
              <Button loading={addImage.isPending}>{t('file.insertImage')}</Button>
            </Upload>
          )
        }
      >
        <Typography.Paragraph type="secondary">{t('file.imagesHint')}</Typography.Paragraph>
        <ErrorAlert error={addImage.error} />
        <DocImages fileId={fileId} />
      </Card>
    </Flex>
  );
}

function DocImages({ fileId }: { fileId: string }) {
  const { t } = useTranslation('docs');
  const images = useImages(fileId);
  return (
    <>
      <ErrorAlert error={images.error} />
      <List
        size="small"
        locale={{ emptyText: t('file.noImages') }}
        dataSource={images.data?.items ?? []}
        renderItem={(image) => (
          <List.Item data-testid="doc-image">
            <Flex gap="small" align="center" wrap>
              <Image src={`/api/v1/docs/files/${fileId}/images/${image.id}`} alt={image.name} width={96} />
              <Typography.Text>
                {t(image.compressed ? 'file.imageCompressed' : image.kind === 'attachment' ? 'file.imageOriginal' : 'file.imageAsIs', {
                  name: image.name,
                  width: image.width,
                  height: image.height,
                  size: formatSize(image.bytes),
                  original: formatSize(image.originalBytes),
                })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </>
  );
}

function DocTable({ fileId, id, cells, canEdit }: { fileId: string; id: string; cells: string[][]; canEdit: boolean }) {
  const { t } = useTranslation('docs');
  const [draft, setDraft] = useState(cells);
  const save = useSaveTable(fileId);
  const remove = useDeleteTable(fileId);
  const set = (r: number, c: number, v: string) => setDraft(draft.map((row, i) => (i === r ? row.map((x, j) => (j === c ? v : x)) : row)));
  return (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="doc-table">
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {draft.map((row, r) => (
            <tr key={r}>
              {row.map((value, c) => (
                <td key={c} style={{ border: '1px solid #f0f0f0', padding: 2 }}>
                  <Input variant="borderless" value={value} readOnly={!canEdit} onChange={(e) => set(r, c, e.target.value)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {canEdit && (
        <Space style={{ marginTop: 8 }}>
          <Button size="small" onClick={() => save.mutate({ tableId: id, cells: draft })} loading={save.isPending}>
            {t('file.saveTable')}
          </Button>
          <Button size="small" danger onClick={() => remove.mutate(id)} loading={remove.isPending}>
            {t('file.deleteTable')}
          </Button>
        </Space>
      )}
    </Card>
  );
}

function Comments({ fileId, cell }: { fileId: string; cell: { sheetId: string; row: number; col: number } | undefined }) {
  const { t } = useTranslation('docs');
  const comments = useComments(fileId);
  const add = useAddComment(fileId);
  const resolve = useResolve(fileId);
  const people = usePeople();
  const [text, setText] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [replyTo, setReplyTo] = useState<string>();
  const canComment = comments.data?.canComment ?? false;
  const submit = async () => {
    // A name picked after @ and whose @name is still in the text is mentioned (every member of that name); one deleted from the text is not.
    const named = new Set(picked.filter((name) => text.includes(`@${name}`)));
    const mentions = (people.data?.members ?? []).filter((m) => named.has(m.name)).map((m) => m.id);
    await add.mutateAsync({ body: text, mentions, ...(replyTo ? { threadId: replyTo } : cell ? { cell } : {}) });
    setText('');
    setPicked([]);
    setReplyTo(undefined);
  };
  return (
    <Flex vertical gap="small">
      <ErrorAlert error={comments.error} />
      <List
        size="small"
        locale={{ emptyText: t('file.noComments') }}
        dataSource={comments.data?.threads ?? []}
        renderItem={(thread) => (
          <List.Item data-testid="comment-thread">
            <Flex vertical style={{ width: '100%' }}>
              {thread.row !== null && thread.col !== null && <Typography.Text type="secondary">{t('file.onCell', { cell: cellName(thread.row, thread.col) })}</Typography.Text>}
              {[thread, ...thread.replies].map((c) => (
                <Typography.Text key={c.id}>
                  <strong>{c.authorName}</strong>：{c.body}
                </Typography.Text>
              ))}
              <Space size="small">
                {thread.resolvedAt ? <Tag>{t('file.resolved')}</Tag> : canComment && <Button size="small" type="link" onClick={() => resolve.mutate(thread.id)}>{t('file.resolve')}</Button>}
                {canComment && (
                  <Button size="small" type="link" onClick={() => setReplyTo(thread.id)}>
                    {t('file.reply')}
                  </Button>
                )}
              </Space>
            </Flex>
          </List.Item>
        )}
      />
      {canComment ? (
        <>
          {replyTo === undefined && cell && <Typography.Text type="secondary">{t('file.onCell', { cell: cellName(cell.row, cell.col) })}</Typography.Text>}
          <Mentions
            aria-label={t('file.commentPlaceholder')}
            placeholder={t('file.commentPlaceholder')}
            value={text}
            onChange={setText}
            autoSize={{ minRows: 2 }}
            options={[...new Set((people.data?.members ?? []).map((m) => m.name))].map((name) => ({ value: name, label: name }))}
            onSelect={(option) => option.value !== undefined && setPicked([...picked, option.value])}
          />
          <Button type="primary" disabled={text.trim() === ''} loading={add.isPending} onClick={() => void submit()}>
            {replyTo ? t('file.reply') : t('file.comment')}
          </Button>
        </>
      ) : (
        comments.isSuccess && <Typography.Text type="warning">{t('file.cannotComment')}</Typography.Text>
      )}
      <ErrorAlert error={add.error} />
    </Flex>
  );
}

function History({ fileId, canEdit }: { fileId: string; canEdit: boolean }) {
  const { t } = useTranslation('docs');
  const revisions = useRevisions(fileId, true);
  const restore = useRestore(fileId);
  const [shown, setShown] = useState<Revision>();
  const [changes, setChanges] = useState<{ sheetId: string; row: number; col: number; before: string; after: string }[]>([]);
  useEffect(() => {
    if (!shown) return;
    void api.get('/docs/files/{id}/revisions/{revisionId}', { params: { path: { id: fileId, revisionId: shown.id }, query: {} } }).then((d) => setChanges(d.changes));
  }, [fileId, shown]);
  const line = (r: Revision) => t('file.revision', { author: r.authorName, time: formatDateTime(r.createdAt), cells: r.cellsChanged });
  return (
    <Flex vertical gap="small">
      <ErrorAlert error={revisions.error ?? restore.error} />
      {(revisions.data?.pending ?? []).map((p) => (
        <Typography.Text key={p.authorId} type="secondary">
          {t('file.pending', { author: p.authorName, cells: p.cells })}
        </Typography.Text>
      ))}
      <List
        size="small"
        locale={{ emptyText: t('file.noHistory') }}
        dataSource={revisions.data?.items ?? []}
        renderItem={(r) => (
          <List.Item
            data-testid="revision"
            actions={[
              <Button key="show" size="small" type="link" onClick={() => setShown(r)}>
                {t('file.show')}
              </Button>,
            ]}
          >
            {r.kind === 'restore' && <Tag>{t('file.restoreOf')}</Tag>}
            {line(r)}
          </List.Item>
        )}
      />
      <Modal
        open={shown !== undefined}
        title={shown ? line(shown) : ''}
        onCancel={() => setShown(undefined)}
        footer={
          canEdit && shown ? (
            <Button danger loading={restore.isPending} onClick={() => void restore.mutateAsync(shown.id).then(() => setShown(undefined))}>
              {t('file.restore')}
            </Button>
          ) : null
        }
      >
        <List size="small" dataSource={changes} renderItem={(c) => <List.Item>{`${cellName(c.row, c.col)}: ${c.before} → ${c.after}`}</List.Item>} />
      </Modal>
    </Flex>
  );
}
