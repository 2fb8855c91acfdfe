import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, Form, Input, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, randomId } from '../../api';
import { FullPageSpin } from '../../components/FullPageSpin';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { addAreas } from '../../i18n';
import { AuthLayout } from '../auth/AuthLayout';
import memberLinks from '../member-links/i18n';
import { LinkUnusable } from '../member-links/LinkUnusable';
import customerLink from './i18n';

// Before any layout, which brings the console's other texts.
addAreas({ memberLinks, customerLink });

const VISITOR_KEY = 'banyan.visitor';

/**
 * Who this browser is to the enterprises it adds: kept in the browser, so opening the link again
 * reaches the same member and adds nothing (WeCom knows the customer by their WeChat account).
 */
function visitorId(): string {
  const known = localStorage.getItem(VISITOR_KEY);
  if (known) return known;
  const id = randomId('visitor');
  localStorage.setItem(VISITOR_KEY, id);
  return id;
}

/** /c/<code>: a customer opens an enterprise's 获客链接, leaves a name and adds one of its members. */
export function CustomerLinkPage() {
  const { t } = useTranslation('customerLink');
  const { code = '' } = useParams();
  const errorMessage = useErrorMessage();
  const preview = useQuery({ queryKey: ['/public/acquisition/links/{code}', code], queryFn: () => api.get('/public/acquisition/links/{code}', { params: { path: { code } } }) });
  const add = useMutation({
    mutationFn: ({ name }: { name: string }) => api.post('/public/acquisition/links/{code}/add', { params: { path: { code } }, body: { externalId: visitorId(), name: name.trim() } }),
  });

  if (preview.isPending) return <FullPageSpin />;
  if (preview.isError) return <LinkUnusable error={preview.error} area={t('area')} signIn={false} />;
  const { corpName } = preview.data;
  if (add.data) {
    const { memberName, added } = add.data;
    return (
      <AuthLayout title={t('title', { corpName })} area={t('area')}>
        <Result status="success" title={<span data-testid="link-added">{t(added ? 'added' : 'addedBefore', { memberName })}</span>} subTitle={t('addedBody', { memberName, corpName })} />
      </AuthLayout>
    );
  }
  return (
    <AuthLayout title={t('title', { corpName })} subtitle={t('subtitle')} area={t('area')}>
      <Form layout="vertical" requiredMark={false} onFinish={(values: { name: string }) => add.mutate(values)}>
        <Form.Item
          name="name"
          label={t('name')}
          rules={[{ required: true, whitespace: true, message: t('nameRequired') }]}
          validateStatus={add.isError ? 'error' : undefined}
          help={add.isError ? <span data-testid="link-add-error">{errorMessage(add.error)}</span> : undefined}
        >
          <Input placeholder={t('namePlaceholder')} maxLength={64} autoComplete="name" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={add.isPending}>
          {t('add')}
        </Button>
      </Form>
    </AuthLayout>
  );
}
