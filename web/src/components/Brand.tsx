import { ApartmentOutlined } from '@ant-design/icons';
import { Flex, theme } from 'antd';
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
          {/* Plain text in antd's colours: Typography would bring its tooltip and editor to the sign-in page. */}
          <span style={{ fontSize: 15, fontWeight: token.fontWeightStrong, color: token.colorText }}>{t('appName')}</span>
          {area && <span style={{ fontSize: 12, color: token.colorTextSecondary }}>{area}</span>}
        </Flex>
      )}
    </Flex>
  );
}
