import { Button, DatePicker, Form, Input, Select, type GetProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Query } from '../../api';

type RangeValue = GetProps<typeof DatePicker.RangePicker>['value'];

export type AuditFilterParams = Pick<Query<'/audit'>, 'action' | 'outcome' | 'from' | 'to'>;

interface FilterValues {
  action?: string;
  outcome?: 'done' | 'refused';
  range?: RangeValue;
}

/** Action text, outcome (done / refused attempts) and date range filters; the range covers whole local days. */
export function AuditFilters({ onChange }: { onChange: (params: AuditFilterParams) => void }) {
  const { t } = useTranslation(['audit', 'common']);
  const [form] = Form.useForm<FilterValues>();

  function apply({ action, outcome, range }: FilterValues) {
    const [from, to] = range ?? [];
    onChange({
      action: action?.trim() || undefined,
      outcome,
      from: from?.startOf('day').toISOString(),
      to: to?.endOf('day').toISOString(),
    });
  }

  return (
    <Form<FilterValues> form={form} layout="inline" onFinish={apply} style={{ rowGap: 12 }}>
      <Form.Item name="action" label={t('filters.action')}>
        <Input allowClear placeholder={t('filters.actionPlaceholder')} style={{ width: 260 }} />
      </Form.Item>
      <Form.Item name="outcome" label={t('filters.outcome')}>
        <Select
          allowClear
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
    </Form>
  );
}
