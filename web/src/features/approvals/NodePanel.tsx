import { Button, Drawer, Flex, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ActionNode, Assignee, Branch, Clause, FormField, Mode, People } from './api';

type AssigneeType = Assignee['type'];

/** The defaults a node gets when its assignee type changes. */
function assigneeOf(type: AssigneeType, cc: boolean, fields: FormField[]): Assignee {
  const mode: Mode = cc ? 'all' : 'any';
  switch (type) {
    case 'members':
      return { type, memberIds: [], mode };
    case 'head':
      return { type, direction: 'up', level: 1, mode: cc ? 'all' : 'any' };
    case 'tag':
      return { type, tagId: '', mode: cc ? 'all' : 'any' };
    case 'applicant':
      return { type };
    case 'pick':
      return { type, range: null, max: 1, mode };
    case 'field':
      return { type, fieldId: fields.find((f) => f.type === 'member')?.id ?? '', mode };
  }
}

/** The settings panel of one approver, handler or CC node: who it goes to and how several act. */
export function NodePanel({ node, fields, people, onChange, onRemove, onClose }: { node: ActionNode; fields: FormField[]; people: People | undefined; onChange: (n: ActionNode) => void; onRemove: () => void; onClose: () => void }) {
  const { t } = useTranslation('approvals');
  const a = node.assignee;
  const cc = node.kind === 'cc';
  const set = (assignee: Assignee) => onChange({ ...node, assignee });
  const members = (people?.members ?? []).map((m) => ({ value: m.id, label: m.name }));
  const modes = (list: Mode[]) => list.map((m) => ({ value: m, label: t(`flow.modes.${m}`) }));

  return (
    <Drawer open title={t('flow.settings')} onClose={onClose} size={420} data-testid="node-panel">
      <Flex vertical gap="middle">
        <label>
          <Typography.Text>{t('flow.nodeName')}</Typography.Text>
          <Input aria-label={t('flow.nodeName')} placeholder={t('flow.nodeName')} value={node.name} maxLength={60} onChange={(e) => onChange({ ...node, name: e.target.value })} />
        </label>
        <Typography.Text>{t('flow.assigneeType', { kind: t(`flow.kinds.${node.kind}`) })}</Typography.Text>
        <Radio.Group
          value={a.type}
          onChange={(e) => set(assigneeOf(e.target.value as AssigneeType, cc, fields))}
          options={(['members', 'head', 'tag', 'applicant', 'pick', 'field'] as const).map((type) => ({ value: type, label: t(`flow.assignees.${type}`) }))}
        />
        {a.type === 'members' && (
          <Select mode="multiple" aria-label={t('flow.chooseMembers')} placeholder={t('flow.chooseMembers')} showSearch optionFilterProp="label" value={a.memberIds} options={members} onChange={(memberIds: string[]) => set({ ...a, memberIds })} data-testid="node-members" />
        )}
        {a.type === 'head' && (
          <Space wrap>
            <Radio.Group value={a.direction} onChange={(e) => set({ ...a, direction: e.target.value as 'up' | 'down' })} options={[{ value: 'up', label: t('flow.up') }, { value: 'down', label: t('flow.down') }]} />
            <InputNumber aria-label={t('flow.level')} min={1} max={20} value={a.level} onChange={(level) => set({ ...a, level: level ?? 1 })} addonBefore={t('flow.level')} />
          </Space>
        )}
        {a.type === 'tag' && (
          <Select aria-label={t('flow.tag')} placeholder={t('flow.tag')} value={a.tagId || undefined} options={(people?.tags ?? []).map((x) => ({ value: x.id, label: x.name }))} onChange={(tagId: string) => set({ ...a, tagId })} />
        )}
        {a.type === 'pick' && (
          <Flex vertical gap="small">
            <Radio.Group value={a.range ? 'limited' : 'all'} onChange={(e) => set({ ...a, range: e.target.value === 'all' ? null : { memberIds: [] } })} options={[{ value: 'all', label: t('flow.rangeAll') }, { value: 'limited', label: t('flow.rangeLimited') }]} />
            {a.range && <Select mode="multiple" aria-label={t('flow.range')} placeholder={t('flow.range')} showSearch optionFilterProp="label" value={a.range.memberIds ?? []} options={members} onChange={(memberIds: string[]) => set({ ...a, range: { ...a.range, memberIds } })} />}
            <InputNumber aria-label={t('flow.max')} min={1} max={50} value={a.max} onChange={(max) => set({ ...a, max: max ?? 1 })} addonBefore={t('flow.max')} />
          </Flex>
        )}
        {a.type === 'field' && (
          <Select aria-label={t('flow.field')} placeholder={t('flow.field')} value={a.fieldId || undefined} options={fields.filter((f) => f.type === 'member').map((f) => ({ value: f.id, label: f.label }))} onChange={(fieldId: string) => set({ ...a, fieldId })} />
        )}
        {!cc && a.type !== 'applicant' && (
          <>
            <Typography.Text>{t('flow.mode')}</Typography.Text>
            <Radio.Group
              value={a.mode}
              onChange={(e) => set({ ...a, mode: e.target.value } as Assignee)}
              options={a.type === 'head' || a.type === 'tag' ? modes(['all', 'any']) : modes(['all', 'any', 'sequential'])}
              data-testid="node-mode"
            />
          </>
        )}
        <Button danger onClick={onRemove}>
          {t('flow.removeNode')}
        </Button>
      </Flex>
    </Drawer>
  );
}

/** The settings panel of a condition branch: its name and the clauses that must all hold. */
export function BranchPanel({ branch, last, fields, people, onChange, onClose }: { branch: Branch; last: boolean; fields: FormField[]; people: People | undefined; onChange: (b: Branch) => void; onClose: () => void }) {
  const { t } = useTranslation('approvals');
  const setClause = (i: number, c: Clause) => onChange({ ...branch, clauses: branch.clauses.map((x, k) => (k === i ? c : x)) });
  const numeric = (fieldId: string) => ['number', 'money'].includes(fields.find((f) => f.id === fieldId)?.type ?? '');
  return (
    <Drawer open title={t('flow.branch')} onClose={onClose} size={480}>
      <Flex vertical gap="middle">
        <Input aria-label={t('flow.nodeName')} placeholder={t('flow.nodeName')} value={branch.name} onChange={(e) => onChange({ ...branch, name: e.target.value })} />
        {!last &&
          branch.clauses.map((c, i) => (
            <Space key={i} wrap>
              {c.type === 'field' ? (
                <>
                  <Select style={{ minWidth: 120 }} aria-label={t('flow.clauseField')} placeholder={t('flow.clauseField')} value={c.fieldId || undefined} options={fields.map((f) => ({ value: f.id, label: f.label }))} onChange={(fieldId: string) => setClause(i, { ...c, fieldId })} />
                  <Select style={{ minWidth: 100 }} aria-label={t('flow.clauseOp')} value={c.op} options={(['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'in', 'contains'] as const).map((op) => ({ value: op, label: t(`flow.ops.${op}`) }))} onChange={(op: typeof c.op) => setClause(i, { ...c, op })} />
                  <Input aria-label={t('flow.clauseValue')} placeholder={t('flow.clauseValue')} style={{ width: 140 }} value={Array.isArray(c.value) ? c.value.join(',') : String(c.value)} onChange={(e) => setClause(i, { ...c, value: numeric(c.fieldId) ? Number(e.target.value) || 0 : c.op === 'in' ? e.target.value.split(',') : e.target.value })} />
                </>
              ) : (
                <Select mode="multiple" style={{ minWidth: 240 }} aria-label={t('flow.clauseDepartments')} placeholder={t('flow.clauseDepartments')} value={c.departmentIds} options={(people?.departments ?? []).map((d) => ({ value: d.id, label: d.name }))} onChange={(departmentIds: string[]) => setClause(i, { type: 'department', departmentIds })} />
              )}
              <Button onClick={() => onChange({ ...branch, clauses: branch.clauses.filter((_, k) => k !== i) })}>{t('editor.remove')}</Button>
            </Space>
          ))}
        {!last && (
          <Space>
            <Button onClick={() => onChange({ ...branch, clauses: [...branch.clauses, { type: 'field', fieldId: '', op: 'eq', value: '' }] })}>{t('flow.clauseField')}</Button>
            <Button onClick={() => onChange({ ...branch, clauses: [...branch.clauses, { type: 'department', departmentIds: [] }] })}>{t('flow.clauseDepartments')}</Button>
          </Space>
        )}
      </Flex>
    </Drawer>
  );
}
