import type { Ctx } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import type { DemoState } from '../../platform/module.ts';
import { tables } from './devices.tables.ts';

export interface DevicesDemo {
  frontDeskId: string;
}

export function devicesDemo(state: DemoState): DevicesDemo {
  const demo = state.devices as DevicesDemo | undefined;
  if (!demo) throw new Error('the devices demo runs before the modules that build on it');
  return demo;
}

/** The demo's front-desk attendance machine (前台考勤机). */
export async function fillDemoDevices(ctx: Ctx, state: DemoState): Promise<void> {
  const frontDeskId = newId('dev', ctx.now);
  await tables(ctx.trx).insertInto('devices').values({ corp_id: ctx.corpId, id: frontDeskId, name: '前台考勤机', serial: 'DEMO-0001', model: 'K1', bound_by: 'system', created_at: ctx.now, updated_at: ctx.now }).execute();
  state.devices = { frontDeskId } satisfies DevicesDemo;
}
