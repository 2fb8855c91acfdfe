import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Full-page "no permission" or "not found" message with a way back home. */
export function PageResult({ status }: { status: 403 | 404 }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={status === 403 ? t('result.forbidden') : t('result.notFound')}
      extra={
        <Button type="primary" onClick={() => void navigate('/')}>
          {t('result.backHome')}
        </Button>
      }
    />
  );
}
