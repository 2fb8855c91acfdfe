import { Alert } from 'antd';
import { useErrorMessage } from '../hooks/useErrorMessage';

/** ErrorAlert's body, in its own chunk with the error sentences (see useErrorMessage). */
export default function ErrorAlertView({ error }: { error: unknown }) {
  const errorMessage = useErrorMessage();
  return <Alert type="error" showIcon title={errorMessage(error)} />;
}
