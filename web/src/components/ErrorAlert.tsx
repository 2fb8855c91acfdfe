import { Alert, Form } from 'antd';
import { useErrorMessage } from '../hooks/useErrorMessage';

export function ErrorAlert({ error }: { error: unknown }) {
  const errorMessage = useErrorMessage();
  if (!error) return null;
  return <Alert type="error" showIcon title={errorMessage(error)} />;
}

/** A failed submission's error inside a form, spaced like a form row; put it next to the submit button. */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <Form.Item>
      <ErrorAlert error={error} />
    </Form.Item>
  );
}
