import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, Drawer, Flex, Form, Input, InputNumber, Select, Space, Switch, TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useErrorMessage } from '../../hooks/useErrorMessage';
import { fieldOf } from '../../hooks/useFieldError';
import { buildTree, useDepartments, useTags } from '../contacts/api';
import { useActiveMembers } from '../customers/api';
import { antiCheatKey, rulesKey, type Rule, type RuleInput } from './api';
import { DeviceLimitFields } from './DeviceLimitFields';

const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const BY_CODE = { 'attendance.shift_invalid': ['shift', 'end'] };

export const EMPTY_RULE: RuleInput = {
  name: '',
  members: { memberIds: [], departmentIds: [], tagIds: [] },
  workDays: [1, 2, 3, 4, 5],
  shift: { start: '09:00', end: '18:00', lateGraceMinutes: 0, earlyGraceMinutes: 0 },
  holidays: [],
  places: [],
  wifi: [],
  photo: false,
  face: false,
  machines: false,
  usualDeviceLimit: 0,
  overLimit: 'photo_note',
  correctionsPerMonth: 5,
};

/**
 * A rule's every setting: whom it covers (members, departments, tags), work days, the shift and its
 * windows, holidays, places (GCJ-02 with a radius), Wi-Fi, and the anti-cheating switches. A refusal
 * naming a field (a malformed BSSID, a shift ending before it starts) is shown at that field.
 */
export function RuleDrawer({ rule, open, onClose }: { rule: Rule | undefined; open: boolean; onClose: () => void }) {
  const { t } = useTranslation('attendance');
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RuleInput>();
  const members = useActiveMembers();
  const departments = useDepartments();
  const tags = useTags();
  const tree = useMemo(() => buildTree(departments.data?.items ?? []), [departments.data]);

  const save = useMutation({
    mutationFn: (input: RuleInput) => (rule ? api.put('/attendance/rules/{ruleId}', { params: { path: { ruleId: rule.id } }, body: input }) : api.post('/attendance/rules', { body: input })),
    onSuccess: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: rulesKey }), queryClient.invalidateQueries({ queryKey: antiCheatKey })]);
      void message.success(t('rules.saved'));
      onClose();
    },
    onError: (error) => {
      const name = fieldOf(error, BY_CODE, { lists: true });
      if (name) form.setFields([{ name: name as never, errors: [name.at(-1) === 'bssid' ? t('rules.bssidInvalid') : errorMessage(error)] }]);
    },
  });
  const shownError = save.error && !fieldOf(save.error, BY_CODE, { lists: true }) ? save.error : null;
  const required = [{ required: true, message: t('rules.required') }];

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={rule ? rule.name : t('rules.add')}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>{t('rules.cancel')}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t('rules.save')}
          </Button>
        </Space>
      }
    >
      <Flex vertical gap="middle">
        <ErrorAlert error={shownError} />
        <Form<RuleInput> form={form} layout="vertical" initialValues={rule ?? EMPTY_RULE} onFinish={(values) => save.mutate({ ...EMPTY_RULE, ...values, members: { ...EMPTY_RULE.members, ...values.members } })}>
          <Form.Item name="name" label={t('rules.name')} rules={required}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item label={t('rules.covers')} style={{ marginBottom: 0 }}>
            <Form.Item name={['members', 'memberIds']} label={t('rules.members')}>
              <Select mode="multiple" showSearch optionFilterProp="label" options={members.data} />
            </Form.Item>
            <Form.Item name={['members', 'departmentIds']} label={t('rules.departments')}>
              <TreeSelect multiple treeDefaultExpandAll treeData={tree} showSearch treeNodeFilterProp="title" />
            </Form.Item>
            <Form.Item name={['members', 'tagIds']} label={t('rules.tags')}>
              <Select mode="multiple" optionFilterProp="label" options={(tags.data ?? []).map((tag) => ({ value: tag.id, label: tag.name }))} />
            </Form.Item>
          </Form.Item>
          <Form.Item name="workDays" label={t('rules.workDays')}>
            <Checkbox.Group options={WEEKDAYS.map((d) => ({ value: Number(d), label: t(`weekdays.${d}`) }))} />
          </Form.Item>
          <Form.Item label={t('rules.shift')} style={{ marginBottom: 0 }}>
            <Flex gap="middle" wrap>
              <Form.Item name={['shift', 'start']} label={t('rules.start')} validateFirst rules={[...required, { pattern: TIME, message: t('rules.timeFormat') }]}>
                <Input placeholder="09:00" style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={['shift', 'end']} label={t('rules.end')} validateFirst rules={[...required, { pattern: TIME, message: t('rules.timeFormat') }]}>
                <Input placeholder="18:00" style={{ width: 120 }} />
              </Form.Item>
              <Form.Item name={['shift', 'lateGraceMinutes']} label={t('rules.lateGrace')} rules={required}>
                <InputNumber min={0} max={240} precision={0} />
              </Form.Item>
              <Form.Item name={['shift', 'earlyGraceMinutes']} label={t('rules.earlyGrace')} rules={required}>
                <InputNumber min={0} max={240} precision={0} />
              </Form.Item>
            </Flex>
          </Form.Item>
          <Form.Item name="holidays" label={t('rules.holidays')} extra={t('rules.holidaysHint')}>
            <Select mode="tags" open={false} tokenSeparators={[',', ' ']} suffixIcon={null} />
          </Form.Item>
          <Form.Item name="correctionsPerMonth" label={t('rules.corrections')} extra={t('rules.correctionsHint')} rules={required}>
            <InputNumber min={0} max={31} precision={0} />
          </Form.Item>
          <Form.Item label={t('rules.places')} extra={t('rules.placesHint')}>
            <Form.List name="places">
              {(fields, { add, remove }) => (
                <Flex vertical gap="small">
                  {fields.map((field) => (
                    <Flex key={field.key} gap="small" wrap align="start" data-testid="place-row">
                      <Form.Item name={[field.name, 'name']} rules={required} noStyle>
                        <Input placeholder={t('rules.placeName')} aria-label={t('rules.placeName')} style={{ width: 180 }} maxLength={60} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'lat']} rules={required} noStyle>
                        <InputNumber placeholder={t('rules.lat')} aria-label={t('rules.lat')} min={-90} max={90} step={0.000001} style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'lng']} rules={required} noStyle>
                        <InputNumber placeholder={t('rules.lng')} aria-label={t('rules.lng')} min={-180} max={180} step={0.000001} style={{ width: 130 }} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'radiusM']} rules={required} noStyle>
                        <InputNumber placeholder={t('rules.radius')} aria-label={t('rules.radius')} min={10} max={3000} precision={0} style={{ width: 110 }} />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('rules.remove')} onClick={() => remove(field.name)} />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ name: '', radiusM: 300 })} style={{ alignSelf: 'start' }}>
                    {t('rules.addPlace')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Form.Item label={t('rules.wifi')}>
            <Form.List name="wifi">
              {(fields, { add, remove }) => (
                <Flex vertical gap="small">
                  {fields.map((field) => (
                    <Flex key={field.key} gap="small" wrap align="start" data-testid="wifi-row">
                      <Form.Item name={[field.name, 'ssid']} rules={required} style={{ marginBottom: 0 }}>
                        <Input placeholder={t('rules.ssid')} aria-label={t('rules.ssid')} style={{ width: 200 }} maxLength={32} />
                      </Form.Item>
                      <Form.Item name={[field.name, 'bssid']} rules={required} style={{ marginBottom: 0 }}>
                        <Input placeholder="a4:5e:60:c2:3b:01" aria-label={t('rules.bssid')} style={{ width: 220 }} />
                      </Form.Item>
                      <Button type="text" icon={<MinusCircleOutlined />} aria-label={t('rules.remove')} onClick={() => remove(field.name)} />
                    </Flex>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add({ ssid: '', bssid: '' })} style={{ alignSelf: 'start' }}>
                    {t('rules.addWifi')}
                  </Button>
                </Flex>
              )}
            </Form.List>
          </Form.Item>
          <Flex gap="large" wrap>
            <Form.Item name="photo" label={t('rules.photo')} valuePropName="checked">
              <Switch aria-label={t('rules.photo')} />
            </Form.Item>
            <Form.Item name="face" label={t('rules.face')} valuePropName="checked">
              <Switch aria-label={t('rules.face')} />
            </Form.Item>
            <Form.Item name="machines" label={t('rules.machines')} valuePropName="checked">
              <Switch aria-label={t('rules.machines')} />
            </Form.Item>
          </Flex>
          <DeviceLimitFields />
        </Form>
      </Flex>
    </Drawer>
  );
}
