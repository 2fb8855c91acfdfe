import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Verdict } from './api';

/** A clock-in's verdicts in WeCom's terms, in the reader's language; none: 正常. */
export function Verdicts({ verdicts }: { verdicts: readonly Verdict[] }) {
  const { t } = useTranslation('attendance');
  if (verdicts.length === 0) return <Tag color="success">{t('verdict.ok')}</Tag>;
  return verdicts.map((v) => (
    <Tag key={v} color="error">
      {t(`verdict.${v}`)}
    </Tag>
  ));
}
