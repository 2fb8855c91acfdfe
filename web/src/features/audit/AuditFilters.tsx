import { DownloadOutlined } from '@ant-design/icons';
import { Button, DatePicker, Form, Grid, Select, type GetProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api';
import { useLanguage } from '../../hooks/useLanguage';
import { MemberSelect } from '../admins/MemberSelect';
import { useAuditActions } from './api';

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];

export type AuditFilterParams = Pick<Query<'/audit'>, 'action' | 'actorId' | 'outcome' | 'from' | 'to'>;

interface FilterValues {
  action?: string;
  actorId?: string;
  outcome?: 'done' | 'refused';
  range?: RangeValue;
}

/** Filters by kind of action (from the server's list), person, outcome and date range (whole local days); exports what they select. */
export function AuditFilters({ params, onChange }: { params: AuditFilterParams; onChange: (params: AuditFilterParams) => void }) {
  const { t } = useTranslation(['audit', 'common']);
  const language = useLanguage();
  const actions = useAuditActions();
  const [form] = Form.useForm<FilterValues>();
  // One filter a line on a phone: a line of them would be wider than the screen.
  const phone = !Grid.useBreakpoint().sm;
  const side = language === 'zh-CN' ? 'zh' : 'en';

  function apply({ action, actorId, outcome, range }: FilterValues) {
    const [from, to] = range ?? [];
    onChange({ action, actorId, outcome, from: from?.startOf('day').toISOString(), to: to?.endOf('day').toISOString() });
  }

  const exportQuery = new URLSearchParams({ lang: language });
  for (const [key, value] of Object.entries(params)) if (value) exportQuery.set(key, value);

  return (
    <Form<FilterValues> form={form} layout={phone ? 'vertical' : 'inline'} onFinish={apply} style={{ rowGap: 12 }}>
      <Form.Item name="action" label={t('filters.action')}>
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder={t('filters.actionPlaceholder')}
          style={{ width: 220 }}
          data-testid="audit-action"
          options={[...(actions.data?.values() ?? [])].map((item) => ({ value: item.action, label: item.label[side] }))}
        />
      </Form.Item>
      <Form.Item name="actorId" label={t('filters.actor')}>
        <MemberSelect allowClear />
      </Form.Item>
      <Form.Item name="outcome" label={t('filters.outcome')}>
        <Select
          allowClear
          placeholder={t('filters.outcomePlaceholder')}
          style={{ width: 120 }}
          options={(['done', 'refused'] as const).map((value) => ({ value, label: t(`outcomes.${value}`) }))}
        />
      </Form.Item>
      <Form.Item name="range" label={t('filters.range')}>
        <DatePicker.RangePicker />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit">
          {t('common:actions.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button
          onClick={() => {
            form.resetFields();
            onChange({});
          }}
        >
          {t('common:actions.reset')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button icon={<DownloadOutlined />} href={`/api/v1/audit/export?${exportQuery.toString()}`} data-testid="audit-export">
          {t('export')}
        </Button>
      </Form.Item>
    </Form>
  );
}
