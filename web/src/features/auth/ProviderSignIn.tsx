import { useQuery } from '@tanstack/react-query';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { api, ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { lazyComponent } from '../../components/lazyComponent';

// Only with a provider configured for the enterprise in the address.
const LazyDivider = lazyComponent(() => import('antd/es/divider'));

/**
 * 使用 <provider> 登录: the sign-in page knows the enterprise from `?corp=<id>` (the address an admin
 * hands out, and where a refused provider sign-in comes back with `&error=<code>`).
 */
export function ProviderSignIn() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const corpId = params.get('corp');
  const error = params.get('error');
  const provider = useQuery({
    queryKey: ['/auth/oidc/{corpId}', corpId],
    queryFn: () => api.get('/auth/oidc/{corpId}', { params: { path: { corpId: corpId! } } }),
    enabled: corpId !== null,
  });
  return (
    <>
      {error && <ErrorAlert error={new ApiError(403, error, '')} />}
      {provider.data?.configured && corpId && (
        <>
          <LazyDivider plain>{t('signIn.or')}</LazyDivider>
          <Button block size="large" href={`/api/v1/auth/oidc/${encodeURIComponent(corpId)}/start`}>
            {t('signIn.withProvider', { name: provider.data.displayName })}
          </Button>
        </>
      )}
    </>
  );
}
