import { Card, Checkbox, Flex, InputNumber, Radio, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { DepartedRule, EmptyRule, People, Settings } from './api';

/** 规则设置, laid out as the seed's screen lists it. */
export function RulesForm({ value, onChange, people }: { value: Settings; onChange: (s: Settings) => void; people: People | undefined }) {
  const { t } = useTranslation('approvals');
  const set = <K extends keyof Settings>(key: K, v: Settings[K]) => onChange({ ...value, [key]: v });
  const memberOptions = (people?.members ?? []).map((m) => ({ value: m.id, label: m.name }));
  const firstMember = memberOptions[0]?.value ?? '';

  const emptyRule = (key: 'approverEmpty' | 'handlerEmpty', testId: string) => {
    const rule = value[key];
    return (
      <Flex gap="middle" align="center" wrap>
        <Typography.Text>{t('rules.whenEmpty')}</Typography.Text>
        <Radio.Group
          data-testid={testId}
          value={rule.action}
          onChange={(e) => set(key, (e.target.value === 'transfer' ? { action: 'transfer', memberId: firstMember } : { action: 'auto_approve' }) as EmptyRule)}
          options={[
            { value: 'auto_approve', label: t('rules.autoApprove') },
            { value: 'transfer', label: t('rules.transfer') },
          ]}
        />
        {rule.action === 'transfer' && (
          <Select style={{ minWidth: 160 }} showSearch optionFilterProp="label" aria-label={t('rules.person')} placeholder={t('rules.person')} value={rule.memberId} options={memberOptions} onChange={(memberId: string) => set(key, { action: 'transfer', memberId })} />
        )}
      </Flex>
    );
  };
  const departedRule = (key: 'approverDeparted' | 'handlerDeparted', testId: string) => {
    const rule = value[key];
    return (
      <Flex gap="middle" align="center" wrap>
        <Typography.Text>{t('rules.whenDeparted')}</Typography.Text>
        <Radio.Group
          data-testid={testId}
          value={rule.action}
          onChange={(e) => set(key, (e.target.value === 'handover' ? { action: 'handover', memberId: firstMember } : { action: 'remind_admin' }) as DepartedRule)}
          options={[
            { value: 'remind_admin', label: t('rules.remindAdmin') },
            { value: 'handover', label: t('rules.handover') },
          ]}
        />
        {rule.action === 'handover' && (
          <Select style={{ minWidth: 160 }} showSearch optionFilterProp="label" aria-label={t('rules.person')} placeholder={t('rules.person')} value={rule.memberId} options={memberOptions} onChange={(memberId: string) => set(key, { action: 'handover', memberId })} />
        )}
      </Flex>
    );
  };
  const check = (key: keyof Settings, label: string) => (
    <Checkbox checked={value[key] as boolean} onChange={(e) => set(key, e.target.checked as never)}>
      {label}
    </Checkbox>
  );

  return (
    <Flex vertical gap="middle">
      <Card size="small" title={t('rules.exceptions')}>
        <Flex vertical gap="small">
          <Typography.Text strong>{t('rules.approverExceptions')}</Typography.Text>
          {emptyRule('approverEmpty', 'rule-approver-empty')}
          {departedRule('approverDeparted', 'rule-approver-departed')}
          <Typography.Text strong>{t('rules.handlerExceptions')}</Typography.Text>
          {emptyRule('handlerEmpty', 'rule-handler-empty')}
          {departedRule('handlerDeparted', 'rule-handler-departed')}
        </Flex>
      </Card>
      <Card size="small" title={t('rules.autoApproval')}>
        <Typography.Paragraph>{t('rules.repeatApprover')}</Typography.Paragraph>
        <Radio.Group
          value={value.repeatApprover}
          onChange={(e) => set('repeatApprover', e.target.value as Settings['repeatApprover'])}
          options={[
            { value: 'first_only', label: t('rules.firstOnly') },
            { value: 'consecutive', label: t('rules.consecutive') },
            { value: 'every', label: t('rules.every') },
          ]}
        />
      </Card>
      <Card size="small" title={t('rules.submit')}>{check('allowOnBehalf', t('rules.allowOnBehalf'))}</Card>
      <Card size="small" title={t('rules.view')}>{check('restrictView', t('rules.restrictView'))}</Card>
      <Card size="small" title={t('rules.modify')}>
        <Flex vertical gap="small">
          {check('lockFixedCc', t('rules.lockFixedCc'))}
          {check('lockFixedHandlers', t('rules.lockFixedHandlers'))}
          {check('allowEditAfterApproval', t('rules.allowEditAfterApproval'))}
        </Flex>
      </Card>
      <Card size="small" title={t('rules.withdraw')} data-testid="rule-withdraw">
        <Flex vertical gap="small">
          {check('withdrawRunning', t('rules.withdrawRunning'))}
          <Flex gap="middle" align="center" wrap>
            <Typography.Text>{t('rules.withdrawApproved')}</Typography.Text>
            <Radio.Group
              data-testid="rule-withdraw-approved"
              value={value.withdrawApproved}
              onChange={(e) => set('withdrawApproved', e.target.value as Settings['withdrawApproved'])}
              options={[
                { value: 'never', label: t('rules.withdrawNever') },
                { value: 'any_time', label: t('rules.withdrawAnyTime') },
                { value: 'within_days', label: t('rules.withdrawWithinDays') },
              ]}
            />
            {value.withdrawApproved === 'within_days' && (
              <InputNumber aria-label={t('rules.withdrawDays')} min={1} max={365} precision={0} value={value.withdrawApprovedDays} onChange={(days) => days !== null && set('withdrawApprovedDays', days)} suffix={t('rules.daysUnit')} />
            )}
          </Flex>
        </Flex>
      </Card>
      <Card size="small" title={t('rules.addApprovers')}>{check('allowAddApprovers', t('rules.allowAddApprovers'))}</Card>
      <Card size="small" title={t('rules.approvalComment')}>{check('requireApprovalComment', t('rules.requireApprovalComment'))}</Card>
      <Card size="small" title={t('rules.handlingComment')}>{check('requireHandlingComment', t('rules.requireHandlingComment'))}</Card>
      <Card size="small" title={t('rules.signature')}>{check('requireSignature', t('rules.requireSignature'))}</Card>
    </Flex>
  );
}
