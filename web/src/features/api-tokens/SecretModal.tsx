import { Alert, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** Shows a newly created token's secret, which the server never returns again. */
export function SecretModal({ secret, onClose }: { secret: string | null; onClose: () => void }) {
  const { t } = useTranslation('apiTokens');
  return (
    <Modal open={secret !== null} title={t('secret.title')} onOk={onClose} onCancel={onClose} cancelButtonProps={{ hidden: true }}>
      <Flex vertical gap="middle">
        <Alert type="warning" showIcon title={t('secret.notice')} />
        <Typography.Paragraph copyable code style={{ marginBottom: 0, wordBreak: 'break-all' }} data-testid="api-token-secret">
          {secret}
        </Typography.Paragraph>
      </Flex>
    </Modal>
  );
}
