import { Flex, Layout, theme } from 'antd';
import type { ReactNode } from 'react';

/** The top bar of every signed-in layout: `start` on the left, `end` on the right. */
export function AppHeader({ start, end }: { start: ReactNode; end: ReactNode }) {
  const { token } = theme.useToken();
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: 16,
        padding: '0 24px',
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      {start}
      <Flex align="center" gap="middle">
        {end}
      </Flex>
    </Layout.Header>
  );
}
