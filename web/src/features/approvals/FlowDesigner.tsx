import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Dropdown, Flex, Typography, theme } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ActionNode, FlowNode, FormField, NodeKind, People } from './api';
import { addBranch, findNode, insertAt, newActionNode, newCondition, removeNode, replaceBranch, replaceNode, type Place } from './flow';
import { BranchPanel, NodePanel } from './NodePanel';

type Selected = { node: string } | { condition: string; branch: string } | null;

/**
 * The flow designer in the DingTalk / WeCom style: a vertical chain from the applicant to the end,
 * a "+" between nodes, conditions as side-by-side branches, and a settings panel per node.
 */
export function FlowDesigner({ flow, onChange, fields, people }: { flow: FlowNode[]; onChange: (f: FlowNode[]) => void; fields: FormField[]; people: People | undefined }) {
  const { t } = useTranslation('approvals');
  const { token } = theme.useToken();
  const [selected, setSelected] = useState<Selected>(null);
  const names = new Map((people?.members ?? []).map((m) => [m.id, m.name]));

  const summary = (node: ActionNode): string => {
    const a = node.assignee;
    switch (a.type) {
      case 'members':
        return a.memberIds.length ? `${a.memberIds.map((id) => names.get(id) ?? id).join('、')}${a.memberIds.length > 1 && node.kind !== 'cc' ? ` · ${t(`flow.modes.${a.mode}`)}` : ''}` : t('flow.noOne');
      case 'head':
        return `${t('flow.assignees.head')} · ${t(a.direction === 'up' ? 'flow.up' : 'flow.down')} ${a.level}`;
      case 'tag':
        return `${t('flow.assignees.tag')} · ${people?.tags.find((x) => x.id === a.tagId)?.name ?? t('flow.noOne')}`;
      default:
        return t(`flow.assignees.${a.type}`);
    }
  };

  const color: Record<NodeKind, string> = { approver: token.colorWarning, handler: token.colorSuccess, cc: token.colorPrimary };

  const adder = (place: Place, index: number, testId: string, allowCondition: boolean) => (
    <Flex justify="center" style={{ padding: '6px 0' }}>
      <Dropdown
        trigger={['click']}
        menu={{
          items: [
            { key: 'approver', label: t('flow.kinds.approver') },
            { key: 'handler', label: t('flow.kinds.handler') },
            { key: 'cc', label: t('flow.kinds.cc') },
            ...(allowCondition ? [{ key: 'condition', label: t('flow.kinds.condition') }] : []),
          ],
          onClick: ({ key }) => {
            const node = key === 'condition' ? newCondition(t('flow.kinds.condition'), t('flow.branch'), t('flow.otherwise')) : newActionNode(key as NodeKind, t(`flow.kinds.${key as NodeKind}`));
            onChange(insertAt(flow, place, index, node));
            if (node.kind !== 'condition') setSelected({ node: node.id });
          },
        }}
      >
        <Button shape="circle" size="small" icon={<PlusOutlined />} aria-label={t('flow.add')} data-testid={testId} />
      </Dropdown>
    </Flex>
  );

  const nodeCard = (node: ActionNode) => (
    <Card
      key={node.id}
      size="small"
      hoverable
      onClick={() => setSelected({ node: node.id })}
      style={{ width: 220, borderTop: `3px solid ${color[node.kind]}` }}
      data-testid={`flow-node-${node.kind}`}
    >
      <Typography.Text strong>{node.name}</Typography.Text>
      <br />
      <Typography.Text type="secondary">{summary(node)}</Typography.Text>
    </Card>
  );

  const chain = (nodes: ActionNode[], place: Place, prefix: string) => (
    <Flex vertical align="center">
      {adder(place, 0, `${prefix}-add-0`, false)}
      {nodes.map((n, i) => (
        <Flex vertical align="center" key={n.id}>
          {nodeCard(n)}
          {adder(place, i + 1, `${prefix}-add-${i + 1}`, false)}
        </Flex>
      ))}
    </Flex>
  );

  const selectedNode = selected && 'node' in selected ? findNode(flow, selected.node) : undefined;
  const selectedBranch =
    selected && 'branch' in selected
      ? (() => {
          const c = flow.find((n) => n.id === selected.condition);
          if (!c || c.kind !== 'condition') return undefined;
          const index = c.branches.findIndex((b) => b.id === selected.branch);
          return index < 0 ? undefined : { branch: c.branches[index]!, last: index === c.branches.length - 1 };
        })()
      : undefined;

  return (
    <Flex vertical align="center" style={{ padding: 16, background: token.colorFillQuaternary, borderRadius: token.borderRadiusLG, overflowX: 'auto' }} data-testid="flow-designer">
      <Card size="small" style={{ width: 220, textAlign: 'center' }}>
        {t('flow.start')}
      </Card>
      {adder({}, 0, 'flow-add-0', true)}
      {flow.map((node, index) => (
        <Flex vertical align="center" key={node.id}>
          {node.kind === 'condition' ? (
            <Flex vertical align="center" style={{ border: `1px dashed ${token.colorBorder}`, borderRadius: token.borderRadius, padding: 8 }}>
              <Button size="small" onClick={() => onChange(addBranch(flow, node.id, `${t('flow.branch')} ${node.branches.length}`))}>
                {t('flow.addBranch')}
              </Button>
              <Flex gap="middle" align="flex-start" style={{ marginTop: 8 }}>
                {node.branches.map((branch, bi) => (
                  <Flex vertical align="center" key={branch.id}>
                    <Card size="small" hoverable style={{ width: 200 }} onClick={() => setSelected({ condition: node.id, branch: branch.id })}>
                      <Typography.Text strong>{branch.name}</Typography.Text>
                      <br />
                      <Typography.Text type="secondary">{bi === node.branches.length - 1 ? t('flow.otherwise') : `${branch.clauses.length} × ${t('flow.branch')}`}</Typography.Text>
                    </Card>
                    {chain(branch.nodes, { branch: { conditionId: node.id, branchId: branch.id } }, `branch-${index}-${bi}`)}
                  </Flex>
                ))}
              </Flex>
              <Button size="small" danger type="link" onClick={() => onChange(removeNode(flow, node.id))}>
                {t('flow.removeNode')}
              </Button>
            </Flex>
          ) : (
            nodeCard(node)
          )}
          {adder({}, index + 1, `flow-add-${index + 1}`, true)}
        </Flex>
      ))}
      <Typography.Text type="secondary">{t('flow.end')}</Typography.Text>
      {selectedNode && selectedNode.kind !== 'condition' && (
        <NodePanel
          node={selectedNode}
          fields={fields}
          people={people}
          onChange={(n) => onChange(replaceNode(flow, n.id, () => n))}
          onRemove={() => {
            onChange(removeNode(flow, selectedNode.id));
            setSelected(null);
          }}
          onClose={() => setSelected(null)}
        />
      )}
      {selectedBranch && selected && 'branch' in selected && (
        <BranchPanel
          branch={selectedBranch.branch}
          last={selectedBranch.last}
          fields={fields}
          people={people}
          onChange={(b) => onChange(replaceBranch(flow, selected.condition, selected.branch, () => b))}
          onClose={() => setSelected(null)}
        />
      )}
    </Flex>
  );
}
