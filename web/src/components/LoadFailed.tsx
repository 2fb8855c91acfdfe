import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../hooks/useErrorMessage';

export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  return (
    <Result
      status="error"
      title={t('result.loadFailed')}
      subTitle={errorMessage(error)}
      extra={<Button onClick={onRetry}>{t('actions.retry')}</Button>}
    />
  );
}
