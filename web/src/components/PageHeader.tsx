import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children?: ReactNode }) {
  return (
    <Flex vertical gap={4} style={{ marginBottom: 16 }}>
      <Flex align="center" justify="space-between" gap="middle">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {extra}
      </Flex>
      {children && <Typography.Text type="secondary">{children}</Typography.Text>}
    </Flex>
  );
}
