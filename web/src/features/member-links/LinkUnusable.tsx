import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AuthLayout } from '../auth/AuthLayout';
import { useErrorMessage } from '../../hooks/useErrorMessage';

/** A used, expired, withdrawn or unknown link: the one sentence that says which, and the way to sign in. */
export function LinkUnusable({ error }: { error: unknown }) {
  const { t } = useTranslation('memberLinks');
  const errorMessage = useErrorMessage();
  return (
    <AuthLayout title={t('unusable')} area={t('area')}>
      <Result
        status="warning"
        title={<span data-testid="link-refusal">{errorMessage(error)}</span>}
        extra={
          <Link to="/login">
            <Button type="primary">{t('toSignIn')}</Button>
          </Link>
        }
      />
    </AuthLayout>
  );
}
