import { Badge, Button, Card, Empty, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadMore } from '../../components/LoadMore';
import { PageHeader } from '../../components/PageHeader';
import { useCursorList } from '../../hooks/useCursorList';
import { INBOX_PATH, useMarkRead, useUnreadCount } from './api';
import { InboxItem } from './InboxItem';

export function InboxPage() {
  const { t } = useTranslation('inbox');
  const list = useCursorList(INBOX_PATH);
  const unread = useUnreadCount();
  const markRead = useMarkRead();

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap="small">
            {t('title')}
            <Badge count={unread} title={t('unread', { count: unread })} data-testid="inbox-unread" />
          </Flex>
        }
        extra={
          <Button disabled={unread === 0} loading={markRead.isPending && markRead.variables === undefined} onClick={() => markRead.mutate(undefined)}>
            {t('markAllRead')}
          </Button>
        }
      />
      <Card loading={list.isPending}>
        <Flex vertical gap="middle">
          <ErrorAlert error={list.error} />
          {list.isSuccess && list.items.length === 0 && <Empty description={t('empty')} />}
          <div>
            {list.items.map((message) => (
              <InboxItem key={message.id} message={message} onMarkRead={() => markRead.mutate(message.id)} />
            ))}
          </div>
          <LoadMore list={list} />
        </Flex>
      </Card>
    </>
  );
}
