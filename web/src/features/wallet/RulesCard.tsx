import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Checkbox, Flex, Form, List, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, type Body } from '../../api';
import { FormModal } from '../../components/FormModal';
import { useNotifyError } from '../../hooks/useNotifyError';
import { useCatalog, useMemberOptions, useRules, type SpendingRule } from './api';

/** 余额使用管理 (the seed's 余额使用权限): the fixed default rule and the custom ones any super admin may add, change and delete. */
export function RulesCard() {
  const { t, i18n } = useTranslation('wallet');
  const rules = useRules();
  const catalog = useCatalog();
  const members = useMemberOptions();
  const queryClient = useQueryClient();
  const notifyError = useNotifyError();
  const [editing, setEditing] = useState<SpendingRule | 'new' | null>(null);
  const itemName = (key: string) => {
    const item = catalog.data?.find((i) => i.key === key);
    return item ? (i18n.language === 'en' ? item.en : item.zh) : key;
  };
  const memberName = (id: string) => members.data?.find((m) => m.value === id)?.label ?? id;
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/wallet/spending-rules'] });
  const remove = useMutation({ mutationFn: (id: string) => api.delete('/wallet/spending-rules/{ruleId}', { params: { path: { ruleId: id } } }), onSuccess: refresh, onError: notifyError });
  const balanceItems = (catalog.data ?? []).filter((i) => i.balancePayable);

  return (
    <Card title={t('rules.title')} extra={<Button onClick={() => setEditing('new')}>{t('rules.add')}</Button>}>
      <List
        dataSource={rules.data ?? []}
        renderItem={(rule) => (
          <List.Item
            actions={
              rule.isDefault
                ? []
                : [
                    <Button key="edit" type="link" size="small" onClick={() => setEditing(rule)}>
                      {t('rules.edit')}
                    </Button>,
                    <Popconfirm key="remove" title={t('rules.removeConfirm')} onConfirm={() => remove.mutate(rule.id)}>
                      <Button type="link" danger size="small">
                        {t('rules.remove')}
                      </Button>
                    </Popconfirm>,
                  ]
            }
          >
            {rule.isDefault ? (
              <Typography.Text type="secondary">{t('rules.default')}</Typography.Text>
            ) : (
              <Flex vertical gap={4}>
                <span>{rule.memberIds.map(memberName).join('、')}</span>
                <Flex wrap gap={4}>
                  {rule.items.map((i) => (
                    <Tag key={i}>{itemName(i)}</Tag>
                  ))}
                </Flex>
              </Flex>
            )}
          </List.Item>
        )}
      />
      <FormModal<Body<'/wallet/spending-rules', 'post'>>
        open={editing !== null}
        title={t('rules.title')}
        initialValues={editing && editing !== 'new' ? { memberIds: editing.memberIds, items: editing.items } : { memberIds: [], items: [] }}
        onClose={() => setEditing(null)}
        onSubmit={async (values) => {
          if (editing === 'new') await api.post('/wallet/spending-rules', { body: values });
          else if (editing) await api.put('/wallet/spending-rules/{ruleId}', { params: { path: { ruleId: editing.id } }, body: values });
          await refresh();
        }}
      >
        <Form.Item name="memberIds" label={t('rules.members')} rules={[{ required: true }]}>
          <Select mode="multiple" options={members.data ?? []} optionFilterProp="label" />
        </Form.Item>
        <Form.Item name="items" label={t('rules.items')} rules={[{ required: true }]}>
          <Checkbox.Group options={balanceItems.map((i) => ({ value: i.key, label: itemName(i.key) }))} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
