import { Form } from 'antd';
import { lazyComponent } from './lazyComponent';

const ErrorAlertView = lazyComponent(() => import('./ErrorAlertView'));

/** An error as a sentence in the chosen language; the alert and the sentences load with the first one. */
export function ErrorAlert({ error }: { error: unknown }) {
  return error ? <ErrorAlertView error={error} /> : null;
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
