import { Checkbox, Form, Select, TreeSelect, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAppText } from '../apps/appName';
import type { AppLevel, Grantable, Rights } from './api';

/** The rights part of a form: only what the acting admin may grant is offered. */
export interface RightsValues {
  departmentIds: string[];
  apps: Record<string, AppLevel | 'none'>;
  deviceBind: boolean;
  deviceIds: string[];
}

/**
 * The part of `rights` the acting admin governs, as form values: a delegating admin edits only that
 * part (the server keeps the rest untouched).
 */
export function toRightsValues(rights: Rights | undefined, grantable: Grantable): RightsValues {
  const departments = new Set(grantable.departments.map((d) => d.id));
  const apps = new Map(grantable.apps.map((a) => [a.appId, a.level]));
  const governed = (appId: string, level: AppLevel) => apps.get(appId) === 'manage' || (apps.get(appId) === 'send' && level === 'send');
  return {
    departmentIds: (rights?.departmentIds ?? []).filter((id) => grantable.all || departments.has(id)),
    apps: Object.fromEntries((rights?.apps ?? []).filter((a) => grantable.all || governed(a.appId, a.level)).map((a) => [a.appId, a.level])),
    deviceBind: rights?.deviceBind ?? false,
    deviceIds: rights?.deviceIds ?? [],
  };
}

export function fromRightsValues(values: RightsValues, grantable: Grantable, current?: Rights): Rights {
  return {
    departmentIds: values.departmentIds ?? [],
    apps: Object.entries(values.apps ?? {}).flatMap(([appId, level]) => (level && level !== 'none' ? [{ appId, level }] : [])),
    // Device rights are not delegated: a hierarchical admin sends back what the admin holds.
    deviceBind: grantable.all ? (values.deviceBind ?? false) : (current?.deviceBind ?? false),
    deviceIds: grantable.all ? (values.deviceIds ?? []) : (current?.deviceIds ?? []),
  };
}

/** True when the rights govern nothing: no department, no app, no device. */
export function grantsNothing(rights: Rights): boolean {
  return rights.departmentIds.length === 0 && rights.apps.length === 0 && !rights.deviceBind && rights.deviceIds.length === 0;
}

interface TreeNode {
  value: string;
  title: string;
  children: TreeNode[];
}

function departmentTree(departments: Grantable['departments']): TreeNode[] {
  const nodes = new Map(departments.map((d) => [d.id, { value: d.id, title: d.name, children: [] as TreeNode[] }]));
  const roots: TreeNode[] = [];
  for (const d of departments) {
    const parent = d.parentId ? nodes.get(d.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(d.id)!);
  }
  return roots;
}

export function RightsFields({ grantable }: { grantable: Grantable }) {
  const { t } = useTranslation('admins');
  const appText = useAppText();
  return (
    <>
      <Form.Item name="departmentIds" label={t('rights.contacts')} extra={t('rights.contactsHint')}>
        <TreeSelect multiple treeDefaultExpandAll treeData={departmentTree(grantable.departments)} data-testid="rights-departments" showSearch treeNodeFilterProp="title" />
      </Form.Item>
      <Form.Item label={t('rights.apps')}>
        {grantable.apps.map((app) => (
          <Form.Item key={app.appId} name={['apps', app.appId]} label={appText({ id: app.appId, name: app.name }).name} style={{ marginBottom: 8 }}>
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'none', label: t('rights.none') },
                { value: 'send', label: t('rights.send') },
                ...(app.level === 'manage' ? [{ value: 'manage', label: t('rights.manage') }] : []),
              ]}
            />
          </Form.Item>
        ))}
        {grantable.apps.length === 0 && <Typography.Text type="secondary">{t('rights.none')}</Typography.Text>}
      </Form.Item>
      {grantable.all && (
        <>
          <Form.Item name="deviceBind" valuePropName="checked">
            <Checkbox>{t('rights.deviceBind')}</Checkbox>
          </Form.Item>
          <Form.Item name="deviceIds" label={t('rights.devices')}>
            <Select mode="multiple" options={grantable.devices.map((d) => ({ value: d.id, label: d.name }))} />
          </Form.Item>
        </>
      )}
    </>
  );
}
