import { Avatar, Badge, Button, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime, yuan } from '../../format';
import type { InboxMessage } from './api';

/** A notice's values as the reader sees them, by their names' convention (NoticeText on the server). */
function shownParams(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([name, value]) => [name, name.endsWith('Fen') ? yuan(Number(value)) : /(At|Until)$/.test(name) ? formatDateTime(String(value)) : value]),
  );
}

export function InboxItem({ message, onMarkRead }: { message: InboxMessage; onMarkRead: () => void }) {
  const { t, i18n } = useTranslation('inbox');
  const { token } = theme.useToken();
  const unread = message.readAt === null;
  // A custom app by the name the enterprise gave it; a built-in one by its code, in the reader's language.
  const appName = message.appName ?? (i18n.exists(`inbox:apps.${message.app}`) ? t(`apps.${message.app as 'approvals'}`) : t('deletedApp'));
  // A module's notice in the reader's language (as the server wrote it if this console does not know
  // the notice); an app's message as it was written.
  const text = message.text;
  const params = text ? shownParams(text.params) : {};
  const title = text ? t(`notices.${text.key}.title`, { ...params, defaultValue: message.title }) : message.title;
  const body = text ? t(`notices.${text.key}.body`, { ...params, defaultValue: message.body }) : message.body;

  return (
    <Flex gap="middle" style={{ padding: '16px 0', borderBottom: `1px solid ${token.colorBorderSecondary}` }} data-testid="inbox-item">
      <Badge dot={unread}>
        <Avatar shape="square" style={{ background: token.colorPrimaryBg, color: token.colorPrimary }}>
          {appName.slice(0, 1)}
        </Avatar>
      </Badge>
      <Flex vertical gap={4} flex={1} style={{ minWidth: 0 }}>
        <Flex justify="space-between" gap="middle">
          <Typography.Text strong={unread}>
            {message.link ? <Typography.Link href={message.link}>{title}</Typography.Link> : title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(message.createdAt)}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary" data-testid="inbox-sender">
          {appName}
        </Typography.Text>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{body}</Typography.Paragraph>
      </Flex>
      {unread && (
        <Button type="link" size="small" onClick={onMarkRead}>
          {t('markRead')}
        </Button>
      )}
    </Flex>
  );
}
