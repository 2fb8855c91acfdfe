import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Flex, List, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useActiveMembers } from '../customers/api';

const key = ['/category/owners'] as const;

/** 业务负责人: designated by a super admin; they may choose the category too. */
export function OwnersCard() {
  const { t } = useTranslation('customers');
  const notifyError = useNotifyError();
  const queryClient = useQueryClient();
  const owners = useQuery({ queryKey: key, queryFn: () => api.get('/category/owners'), select: (d) => d.items });
  const members = useActiveMembers();
  const [member, setMember] = useState<string>();
  const change = useMutation({
    mutationFn: ({ memberId, owner }: { memberId: string; owner: boolean }) =>
      owner ? api.put('/category/owners/{memberId}', { params: { path: { memberId } } }) : api.delete('/category/owners/{memberId}', { params: { path: { memberId } } }),
    onSuccess: async () => {
      setMember(undefined);
      await queryClient.invalidateQueries({ queryKey: key });
      await queryClient.invalidateQueries({ queryKey: ['/category'] });
    },
    onError: notifyError,
  });
  return (
    <Card title={t('category.owners')}>
      <Typography.Paragraph type="secondary">{t('category.ownersHint')}</Typography.Paragraph>
      <Flex gap="small" style={{ marginBottom: 12 }}>
        <Select showSearch optionFilterProp="label" style={{ width: 260 }} placeholder={t('category.ownerPlaceholder')} options={members.data} value={member} onChange={setMember} aria-label={t('category.owners')} />
        <Button disabled={!member} loading={change.isPending} onClick={() => member && change.mutate({ memberId: member, owner: true })}>
          {t('category.addOwner')}
        </Button>
      </Flex>
      <List
        size="small"
        loading={owners.isPending}
        dataSource={owners.data}
        renderItem={(o) => (
          <List.Item
            actions={[
              <Button key="remove" type="link" danger size="small" onClick={() => change.mutate({ memberId: o.memberId, owner: false })}>
                {t('category.removeOwner')}
              </Button>,
            ]}
          >
            {o.name}
          </List.Item>
        )}
      />
    </Card>
  );
}
