import { Flex, Layout, theme } from 'antd';
import type { ReactNode } from 'react';

/** The top bar of every signed-in layout: `start` on the left, `end` on the right; `compact` on a phone. */
export function AppHeader({ start, end, compact = false }: { start: ReactNode; end: ReactNode; compact?: boolean }) {
  const { token } = theme.useToken();
  return (
    <Layout.Header
      style={{
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'space-between',
        gap: compact ? 8 : 16,
        padding: compact ? '0 12px' : '0 24px',
        background: token.colorBgContainer,
        borderBottom: `1px solid ${token.colorBorderSecondary}`,
      }}
    >
      {start}
      <Flex align="center" gap={compact ? 'small' : 'middle'}>
        {end}
      </Flex>
    </Layout.Header>
  );
}
