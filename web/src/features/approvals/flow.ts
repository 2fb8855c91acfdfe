import type { ActionNode, Assignee, Branch, ConditionNode, FlowNode, NodeKind } from './api';

/** Pure helpers for editing a flow: every change returns a new flow. */

export function newNodeId(prefix = 'n'): string {
  return `${prefix}_${Math.random().toString(36).slice(2, 10)}`;
}

export function newActionNode(kind: NodeKind, name: string): ActionNode {
  const assignee: Assignee = kind === 'cc' ? { type: 'members', memberIds: [], mode: 'all' } : { type: 'members', memberIds: [], mode: 'any' };
  return { id: newNodeId(), kind, name, assignee };
}

export function newCondition(name: string, branchName: string, otherwise: string): ConditionNode {
  return {
    id: newNodeId('c'),
    kind: 'condition',
    name,
    branches: [
      { id: newNodeId('b'), name: `${branchName} 1`, clauses: [{ type: 'field', fieldId: '', op: 'gt', value: 0 }], nodes: [] },
      { id: newNodeId('b'), name: otherwise, clauses: [], nodes: [] },
    ],
  };
}

/** Where a node sits: in the main chain, or inside one branch of a condition. */
export type Place = { branch?: { conditionId: string; branchId: string } };

function mapBranch(flow: FlowNode[], conditionId: string, branchId: string, change: (b: Branch) => Branch): FlowNode[] {
  return flow.map((n) => (n.kind === 'condition' && n.id === conditionId ? { ...n, branches: n.branches.map((b) => (b.id === branchId ? change(b) : b)) } : n));
}

export function insertAt(flow: FlowNode[], place: Place, index: number, node: FlowNode): FlowNode[] {
  if (!place.branch) return [...flow.slice(0, index), node, ...flow.slice(index)];
  if (node.kind === 'condition') return flow;
  return mapBranch(flow, place.branch.conditionId, place.branch.branchId, (b) => ({ ...b, nodes: [...b.nodes.slice(0, index), node, ...b.nodes.slice(index)] }));
}

export function replaceNode(flow: FlowNode[], id: string, change: (n: FlowNode) => FlowNode): FlowNode[] {
  return flow.map((n) => {
    if (n.id === id) return change(n);
    if (n.kind === 'condition') return { ...n, branches: n.branches.map((b) => ({ ...b, nodes: b.nodes.map((x) => (x.id === id ? (change(x) as ActionNode) : x)) })) };
    return n;
  });
}

export function removeNode(flow: FlowNode[], id: string): FlowNode[] {
  return flow.filter((n) => n.id !== id).map((n) => (n.kind === 'condition' ? { ...n, branches: n.branches.map((b) => ({ ...b, nodes: b.nodes.filter((x) => x.id !== id) })) } : n));
}

export function replaceBranch(flow: FlowNode[], conditionId: string, branchId: string, change: (b: Branch) => Branch): FlowNode[] {
  return mapBranch(flow, conditionId, branchId, change);
}

export function addBranch(flow: FlowNode[], conditionId: string, name: string): FlowNode[] {
  return flow.map((n) => {
    if (n.kind !== 'condition' || n.id !== conditionId) return n;
    // New branches go before the last ("otherwise") branch.
    const branches = [...n.branches];
    branches.splice(Math.max(0, branches.length - 1), 0, { id: newNodeId('b'), name, clauses: [{ type: 'field', fieldId: '', op: 'eq', value: '' }], nodes: [] });
    return { ...n, branches };
  });
}

export function findNode(flow: FlowNode[], id: string): FlowNode | undefined {
  for (const n of flow) {
    if (n.id === id) return n;
    if (n.kind === 'condition') for (const b of n.branches) for (const x of b.nodes) if (x.id === id) return x;
  }
  return undefined;
}

export function actionNodes(flow: FlowNode[]): ActionNode[] {
  return flow.flatMap((n) => (n.kind === 'condition' ? n.branches.flatMap((b) => b.nodes) : [n]));
}
