import { Flex, Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';

/** The choices of 打卡常用设备数量 (不限制, 限制1台 …) and of what a clock-in from another device needs. */
export function useDeviceLimitOptions() {
  const { t } = useTranslation('attendance');
  return {
    limits: [{ value: 0, label: t('limit.none') }, ...Array.from({ length: 10 }, (_, i) => ({ value: i + 1, label: t('limit.n', { count: i + 1 }) }))],
    overLimit: (['photo_note', 'refuse'] as const).map((value) => ({ value, label: t(`overLimit.${value}`) })),
  };
}

/** The usual-device limit and the over-limit action as form fields of a rule. */
export function DeviceLimitFields() {
  const { t } = useTranslation('attendance');
  const options = useDeviceLimitOptions();
  return (
    <Flex gap="middle" wrap>
      <Form.Item name="usualDeviceLimit" label={t('rules.usualDeviceLimit')}>
        <Select options={options.limits} style={{ width: 160 }} aria-label={t('rules.usualDeviceLimit')} />
      </Form.Item>
      <Form.Item name="overLimit" label={t('rules.overLimit')}>
        <Select options={options.overLimit} style={{ width: 180 }} aria-label={t('rules.overLimit')} />
      </Form.Item>
    </Flex>
  );
}
