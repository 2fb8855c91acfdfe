import { ApartmentOutlined } from '@ant-design/icons';
import { Flex, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';

/** Logo and product name, with the area (such as "管理后台") in small print below; `compact` (a phone's bar): the logo alone. */
export function Brand({ area, compact = false }: { area?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  return (
    <Flex align="center" gap={10} style={{ whiteSpace: 'nowrap' }}>
      <Flex
        align="center"
        justify="center"
        style={{ width: 32, height: 32, borderRadius: 8, background: token.colorPrimary, color: '#fff', fontSize: 18 }}
        aria-label={compact ? t('appName') : undefined}
      >
        <ApartmentOutlined />
      </Flex>
      {!compact && (
        <Flex vertical style={{ lineHeight: 1.3 }}>
          <Typography.Text strong style={{ fontSize: 15 }}>
            {t('appName')}
          </Typography.Text>
          {area && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {area}
            </Typography.Text>
          )}
        </Flex>
      )}
    </Flex>
  );
}
