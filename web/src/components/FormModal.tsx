import { useMutation } from '@tanstack/react-query';
import { Flex, Form, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert';
import { submittedFieldOf } from '../hooks/useFieldError';
import { useErrorMessage } from '../hooks/useErrorMessage';

interface FormModalProps<Values> {
  open: boolean;
  title: ReactNode;
  okText?: ReactNode;
  initialValues?: Partial<Values>;
  /** Saves the values; the modal closes when it resolves and shows the error when it rejects. */
  onSubmit: (values: Values) => Promise<unknown>;
  /** Asked before saving: a false answer (the admin cancelled a warning) keeps the form open, unsaved. */
  confirm?: (values: Values) => boolean | Promise<boolean>;
  onClose: () => void;
  children: ReactNode;
}

/**
 * A modal holding a vertical form, with submit state and server errors handled: an error naming one
 * of the form's fields (`details.field`) shows under that field, any other above the form.
 */
export function FormModal<Values>({
  open,
  title,
  okText,
  initialValues,
  onSubmit,
  confirm,
  onClose,
  children,
}: FormModalProps<Values>) {
  const [form] = Form.useForm<Values>();
  const errorMessage = useErrorMessage();
  const submit = useMutation({
    mutationFn: onSubmit,
    onSuccess: onClose,
    onError: (error, values) => {
      const name = submittedFieldOf(error, values as object);
      if (name) form.setFields([{ name: name as never, errors: [errorMessage(error)] }]);
    },
  });
  const finish = async (values: Values) => {
    if (confirm && !(await confirm(values))) return;
    submit.mutate(values);
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={submit.isPending}
      afterClose={submit.reset}
      destroyOnHidden
    >
      <Flex vertical gap="middle">
        <ErrorAlert error={submittedFieldOf(submit.error, submit.variables as object | undefined) ? null : submit.error} />
        <Form<Values> form={form} layout="vertical" initialValues={initialValues} onFinish={(values) => void finish(values)}>
          {children}
        </Form>
      </Flex>
    </Modal>
  );
}
