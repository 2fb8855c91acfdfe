import { Avatar, Badge, Button, Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../format';
import type { InboxMessage } from './api';

export function InboxItem({ message, onMarkRead }: { message: InboxMessage; onMarkRead: () => void }) {
  const { t } = useTranslation('inbox');
  const { token } = theme.useToken();
  const unread = message.readAt === null;
  const appName = t(`apps.${message.app}`, { defaultValue: message.app });

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
            {message.link ? <Typography.Link href={message.link}>{message.title}</Typography.Link> : message.title}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>
            {formatDateTime(message.createdAt)}
          </Typography.Text>
        </Flex>
        <Typography.Text type="secondary">{appName}</Typography.Text>
        <Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{message.body}</Typography.Paragraph>
      </Flex>
      {unread && (
        <Button type="link" size="small" onClick={onMarkRead}>
          {t('markRead')}
        </Button>
      )}
    </Flex>
  );
}
