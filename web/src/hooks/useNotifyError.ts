import { App } from 'antd';
import { useCallback } from 'react';
import { useErrorMessage } from './useErrorMessage';

/** Shows an error as a toast; handy as a mutation's `onError`. */
export function useNotifyError(): (error: unknown) => void {
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  return useCallback((error: unknown) => void message.error(errorMessage(error)), [message, errorMessage]);
}
