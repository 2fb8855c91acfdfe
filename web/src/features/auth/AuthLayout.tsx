import { Card, Flex, Typography, theme } from 'antd';
import type { ReactNode } from 'react';
import { Brand } from '../../components/Brand';
import { LanguageSwitch } from '../../components/LanguageSwitch';

interface AuthLayoutProps {
  title: ReactNode;
  subtitle?: ReactNode;
  area?: string;
  width?: number;
  children: ReactNode;
}

/** Centered card used by the sign-in and registration pages. */
export function AuthLayout({ title, subtitle, area, width = 420, children }: AuthLayoutProps) {
  const { token } = theme.useToken();
  return (
    <Flex vertical align="center" gap="large" style={{ minHeight: '100vh', padding: '48px 16px', background: token.colorBgLayout }}>
      <Flex align="center" justify="space-between" style={{ width: '100%', maxWidth: width }}>
        <Brand area={area} />
        <LanguageSwitch />
      </Flex>
      <Card style={{ width: '100%', maxWidth: width }}>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {title}
        </Typography.Title>
        {subtitle && <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>}
        {children}
      </Card>
    </Flex>
  );
}
