import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Translated } from '../../components/Translated';
import { securityNav } from './nav';

/** The 安全管理 page's links to each of its functions (pages of 安全管理, not side-menu entries). */
export function SecurityFunctions() {
  const { t } = useTranslation('security');
  return (
    <Card title={t('functions')} data-testid="security-functions">
      <Space wrap size="large">
        {securityNav.map((item) => (
          <Link key={item.key} to={item.path}>
            <Space size={4}>
              {item.icon}
              <Translated i18nKey={item.labelKey} />
            </Space>
          </Link>
        ))}
      </Space>
    </Card>
  );
}
