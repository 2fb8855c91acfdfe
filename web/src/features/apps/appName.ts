import { useTranslation } from 'react-i18next';

const SYSTEM_APPS = ['approvals', 'attendance', 'features'] as const;
type SystemApp = (typeof SYSTEM_APPS)[number];

function isSystemApp(id: string): id is SystemApp {
  return (SYSTEM_APPS as readonly string[]).includes(id);
}

/**
 * An app's name and description in the chosen language. The built-in apps are named by their id (the
 * server's names are its zh-CN fallback for API clients); a custom app shows what its admin typed.
 */
export function useAppText(): (app: { id: string; name: string; description?: string }) => { name: string; description: string } {
  const { t } = useTranslation('apps');
  return (app) =>
    isSystemApp(app.id) ? { name: t(`system.${app.id}.name`), description: t(`system.${app.id}.description`) } : { name: app.name, description: app.description ?? '' };
}
