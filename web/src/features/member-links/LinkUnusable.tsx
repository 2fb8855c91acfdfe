import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthLayout } from '../auth/AuthLayout';
import { useErrorMessage } from '../../hooks/useErrorMessage';

/**
 * A used, expired, withdrawn or unknown link: the one sentence that says which, and the way to sign
 * in where the person opening it has an account to sign in with (not a customer's 获客链接).
 */
export function LinkUnusable({ error, area, signIn = true }: { error: unknown; area?: string; signIn?: boolean }) {
  const { t } = useTranslation('memberLinks');
  const errorMessage = useErrorMessage();
  return (
    <AuthLayout title={t('unusable')} area={area ?? t('area')}>
      <Result
        status="warning"
        title={<span data-testid="link-refusal">{errorMessage(error)}</span>}
        extra={
          signIn && (
            <Link to="/login">
              <Button type="primary">{t('toSignIn')}</Button>
            </Link>
          )
        }
      />
    </AuthLayout>
  );
}
