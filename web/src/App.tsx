import { QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider, type ConfigProviderProps } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { BrowserRouter } from 'react-router';
import { useLanguage } from './hooks/useLanguage';
import type { Language } from './i18n';
import { queryClient } from './queryClient';
import { AppRoutes } from './router';

const antdLocales: Record<Language, ConfigProviderProps['locale']> = { 'zh-CN': zhCN, en: enUS };

/**
 * Animations off when the server says so in index.html: only the browser tests' server does
 * (Config.consoleMotion), so that no test step waits on a dialog zooming or a dropdown sliding.
 */
const theme: ConfigProviderProps['theme'] = document.querySelector('meta[name="banyan-motion"]')?.getAttribute('content') === 'off' ? { token: { motion: false } } : undefined;

export function App() {
  const language = useLanguage();
  return (
    <ConfigProvider locale={antdLocales[language]} theme={theme} button={{ autoInsertSpace: false }}>
      <QueryClientProvider client={queryClient}>
        <BrowserRouter>
          <AppRoutes />
        </BrowserRouter>
      </QueryClientProvider>
    </ConfigProvider>
  );
}
