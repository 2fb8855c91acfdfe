import { Flex, theme } from 'antd';
import type { CSSProperties, ReactNode } from 'react';
import { Link, type LinkProps } from 'react-router';
import { Brand } from '../../components/Brand';
import { LanguageSwitch } from '../../components/LanguageSwitch';

interface AuthLayoutProps {
  title: ReactNode;
  subtitle?: ReactNode;
  area?: string;
  width?: number;
  children: ReactNode;
}

/**
 * Centered card used by the sign-in and registration pages. Drawn with antd's tokens rather than its
 * Card and Typography, which bring tabs, menus, tooltips and an editor into the sign-in page's download.
 */
export function AuthLayout({ title, subtitle, area, width = 420, children }: AuthLayoutProps) {
  const { token } = theme.useToken();
  return (
    <Flex
      vertical
      align="center"
      gap="large"
      style={{ minHeight: '100vh', padding: '48px 16px', boxSizing: 'border-box', background: token.colorBgLayout, color: token.colorText, fontFamily: token.fontFamily, fontSize: token.fontSize, lineHeight: token.lineHeight }}
    >
      <Flex align="center" justify="space-between" style={{ width: '100%', maxWidth: width }}>
        <Brand area={area} />
        <LanguageSwitch />
      </Flex>
      <div style={{ width: '100%', maxWidth: width, boxSizing: 'border-box', padding: token.paddingLG, background: token.colorBgContainer, border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadiusLG }}>
        <h3 style={{ margin: `0 0 ${token.marginSM}px`, color: token.colorTextHeading, fontSize: token.fontSizeHeading3, lineHeight: token.lineHeightHeading3, fontWeight: token.fontWeightStrong }}>{title}</h3>
        {subtitle && <AuthNote style={{ marginBottom: token.marginMD }}>{subtitle}</AuthNote>}
        {children}
      </div>
    </Flex>
  );
}

/** A line of text on the sign-in pages (secondary unless told), without antd's Typography. */
export function AuthNote({ children, secondary = true, style }: { children: ReactNode; secondary?: boolean; style?: CSSProperties }) {
  const { token } = theme.useToken();
  return <p style={{ margin: 0, color: secondary ? token.colorTextSecondary : undefined, ...style }}>{children}</p>;
}

/** A link inside the console, coloured as antd colours links. */
export function AuthLink(props: LinkProps) {
  const { token } = theme.useToken();
  return <Link {...props} style={{ color: token.colorLink, textDecoration: 'none' }} />;
}
