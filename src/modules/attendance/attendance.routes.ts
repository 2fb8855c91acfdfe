import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../platform/deps.ts';
import { command } from '../../platform/command.ts';
import { exportMark, imageMark } from '../../platform/export-marks.ts';
import { NoContent, StrictObject } from '../../platform/http/schemas.ts';
import { created, noContent } from '../../platform/http/replies.ts';
import { MachineDto, MachineInput, MachineParams, MachinePunchDto, MachineSecretDto, NewMachineInput, PunchBatch, PunchResultDto, type MachineInputValue } from './attendance.schema.ts';
import { AntiCheatDto, CLOCK_IN_BODY_BYTES, ClockInBody, ClockInDto, DayQuery, FaceBody, MyRuleDto, RangeQuery, SummaryDto, RuleDto, RuleInput, RuleParams, UsualDeviceParams, UsualDevicesDto, type ClockInBodyValue, type RuleInputValue } from './attendance.schema.ts';
import { createRule, deleteRule, getRule, listRules, myRule, updateRule } from './rules.service.ts';
import { clockIn, clockInPhoto, myClockIns, storePhoto, type StoredPhoto } from './clockins.service.ts';
import { photoStoreUnder } from './photos.ts';
import { listUsualDevices, unbindUsualDevice } from './usual-devices.service.ts';
import { shanghaiTime } from './evaluation.ts';
import { faceKey } from './face.ts';
import { antiCheat, enrolFace, myFace } from './faces.service.ts';
import { dayRecords, summarise, summaryXlsx } from './summary.service.ts';
import { addMachine, listMachines, machinePunches, receivePunches, rotateMachineSecret, updateMachine } from './machines.service.ts';
import { DomainError } from '../../platform/errors.ts';
import { CorrectionBody, CorrectionDto, MonthQuery, MyRecordsDto, type CorrectionBodyValue } from './attendance.schema.ts';
import { myRecords, requestCorrection } from './corrections.service.ts';

const read = { right: 'attendance.admin', tx: 'read' } as const;
const write = { right: 'attendance.admin', tx: 'plain' } as const;

const rules = {
  list: command(read, (ctx) => listRules(ctx)),
  get: command(read, (ctx, ruleId: string) => getRule(ctx, ruleId)),
  create: command(write, (ctx, input: RuleInputValue) => createRule(ctx, input)),
  update: command(write, (ctx, input: { ruleId: string; rule: RuleInputValue }) => updateRule(ctx, input.ruleId, input.rule)),
  delete: command(write, (ctx, ruleId: string) => deleteRule(ctx, ruleId)),
  usualDevices: command(read, (ctx, ruleId: string) => listUsualDevices(ctx, ruleId)),
  unbind: command(write, (ctx, input: { ruleId: string; memberId: string; deviceId: string }) => unbindUsualDevice(ctx, input)),
};
const reports = {
  records: command(read, (ctx, day: string) => dayRecords(ctx, day)),
  summary: command(read, (ctx, q: { from: string; to: string }) => summarise(ctx, q.from, q.to)),
  export: command(read, async (ctx, q: { from: string; to: string; mark: string }) => summaryXlsx(await summarise(ctx, q.from, q.to), `${q.from}至${q.to}`, q.mark)),
};
const machines = {
  list: command({ right: 'devices.read', tx: 'read' }, (ctx) => listMachines(ctx)),
  add: command({ right: 'devices.bind', tx: 'plain' }, (ctx, input: MachineInputValue & { name: string; serial: string; model: string }) => addMachine(ctx, input)),
  update: command({ right: 'devices.manage', tx: 'plain' }, (ctx, input: { deviceId: string; machine: MachineInputValue }) => updateMachine(ctx, input.deviceId, input.machine)),
  rotate: command({ right: 'devices.manage', tx: 'plain' }, async (ctx, deviceId: string) => ({ secret: await rotateMachineSecret(ctx, deviceId) })),
  punches: command({ right: 'devices.manage', tx: 'read' }, (ctx, deviceId: string) => machinePunches(ctx, deviceId)),
};
const antiCheatSummary = command(read, (ctx) => antiCheat(ctx));
const ownRule = command({ right: 'attendance.clock', tx: 'read' }, (ctx) => myRule(ctx));
const face = command({ right: 'attendance.clock', tx: 'read' }, (ctx) => myFace(ctx));
const mine = command({ right: 'attendance.clock', tx: 'read' }, (ctx, day: string | undefined) => myClockIns(ctx, day ?? shanghaiTime(ctx.now).day));

/** 补卡: the member's month of records, and a correction asked for one of them (submitted as an approval). */
const records = {
  mine: command({ right: 'attendance.clock', tx: 'read' }, (ctx, month: string | undefined) => myRecords(ctx, month)),
  correct: command({ right: 'attendance.clock', tx: 'plain' }, (ctx, input: CorrectionBodyValue) => requestCorrection(ctx, input)),
};

const tags = ['attendance'];
const corp = { auth: 'corp' } as const;

export function attendanceRoutes(deps: Deps): FastifyPluginAsyncTypebox {
  const key = faceKey(deps.config.dataDir);
  /** A clock-in is a short write that arrives one per member: group-committed on SQLite. */
  const photos = photoStoreUnder(deps.config.dataDir);
  const preparePhoto = command({ right: 'attendance.clock', tx: 'read' }, (ctx, input: ClockInBodyValue) => storePhoto(ctx, photos, input));
  const punch = command({ right: 'attendance.clock', tx: 'group' }, (ctx, input: { body: ClockInBodyValue; photo: StoredPhoto | undefined }) => clockIn(ctx, key, input.body, input.photo));
  const photoOf = command({ right: 'attendance.clock', tx: 'read' }, (ctx, clockInId: string) => clockInPhoto(ctx, photos, clockInId));
  const enrol = command({ right: 'attendance.clock', tx: 'plain' }, (ctx, descriptor: number[]) => enrolFace(ctx, key, descriptor));
  return async (app) => {
    app.get('/api/v1/attendance/rules', { config: corp, schema: { tags, summary: 'Clock-in rules (打卡规则)', response: { 200: Type.Object({ items: Type.Array(RuleDto) }) } } }, async (request) => ({
      items: await request.run(rules.list, undefined),
    }));
    app.post('/api/v1/attendance/rules', { config: corp, schema: { tags, summary: 'Create a clock-in rule', body: RuleInput, response: { 201: RuleDto } } }, async (request, reply) =>
      created(reply, request.run(rules.create, request.body)),
    );
    app.get('/api/v1/attendance/rules/:ruleId', { config: corp, schema: { tags, params: RuleParams, response: { 200: RuleDto } } }, (request) => request.run(rules.get, request.params.ruleId));
    app.put('/api/v1/attendance/rules/:ruleId', { config: corp, schema: { tags, summary: 'Replace a clock-in rule', params: RuleParams, body: RuleInput, response: { 200: RuleDto } } }, (request) =>
      request.run(rules.update, { ruleId: request.params.ruleId, rule: request.body }),
    );
    app.delete('/api/v1/attendance/rules/:ruleId', { config: corp, schema: { tags, params: RuleParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(rules.delete, request.params.ruleId)),
    );
    app.get('/api/v1/attendance/rules/:ruleId/usual-devices', { config: corp, schema: { tags, summary: "Members' usual devices (成员常用设备管理)", params: RuleParams, response: { 200: UsualDevicesDto } } }, async (request) => ({
      items: await request.run(rules.usualDevices, request.params.ruleId),
    }));
    app.delete('/api/v1/attendance/rules/:ruleId/usual-devices/:memberId/:deviceId', { config: corp, schema: { tags, summary: 'Unbind a usual device', params: UsualDeviceParams, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(rules.unbind, request.params)),
    );

    app.post('/api/v1/attendance/clock-ins', { config: corp, bodyLimit: CLOCK_IN_BODY_BYTES, schema: { tags, summary: 'Clock in (打卡) at the server time; a photo gets a watermark of place and server time', body: ClockInBody, response: { 201: ClockInDto } } }, async (request, reply) => {
      // Only a clock-in with a photo pays for the read and the image work.
      const photo = request.body.photo ? await request.run(preparePhoto, request.body) : undefined;
      return created(reply, request.run(punch, { body: request.body, photo }));
    });
    app.get(
      '/api/v1/attendance/clock-ins/:clockInId/photo',
      { config: corp, schema: { tags, summary: "A clock-in's watermarked photo (the member's own, or an admin's in scope); with 暗水印 on, the viewer's mark in its pixels", params: StrictObject({ clockInId: Type.String({ minLength: 1, maxLength: 40 }) }) } },
      async (request, reply) => {
        const photo = await request.run(photoOf, request.params.clockInId);
        // 暗水印 (security's marker, through the registry): the viewer and the minute, as on the back office's exports.
        const corp = request.corp!;
        const marked = await imageMark(deps.registry, deps.db, corp.corpId, corp.actor, request.now, 'any', async () => photo.bytes);
        return reply
          .type(photo.contentType)
          .header('cache-control', marked ? 'private, no-store' : 'private, max-age=3600')
          .send(marked ?? photo.bytes);
      },
    );
    app.get('/api/v1/attendance/my-rule', { config: corp, schema: { tags, summary: "The member's own clock-in rule and whether today is a work day", response: { 200: MyRuleDto } } }, (request) =>
      request.run(ownRule, undefined),
    );
    app.get(
      '/api/v1/attendance/my-clock-ins',
      { config: corp, schema: { tags, summary: "The member's own clock-ins of a day (default today, Asia/Shanghai)", querystring: StrictObject({ day: Type.Optional(Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$' })) }), response: { 200: Type.Object({ items: Type.Array(ClockInDto) }) } } },
      async (request) => ({ items: await request.run(mine, request.query.day) }),
    );

    app.get('/api/v1/attendance/my-records', { config: corp, schema: { tags, summary: "The member's records of a month (未打卡 and abnormal ones can be corrected: 补卡) and the month's corrections used", querystring: MonthQuery, response: { 200: MyRecordsDto } } }, (request) =>
      request.run(records.mine, request.query.month),
    );
    app.post('/api/v1/attendance/corrections', { config: corp, schema: { tags, summary: '补卡: ask to correct an own 未打卡 or abnormal record; it becomes an approval of the built-in 补卡 template', body: CorrectionBody, response: { 201: CorrectionDto } } }, async (request, reply) =>
      created(reply, request.run(records.correct, request.body)),
    );

    app.get('/api/v1/attendance/anti-cheat', { config: corp, schema: { tags, summary: '防作弊管理: face-rule counts and the methods each rule uses', response: { 200: AntiCheatDto } } }, (request) =>
      request.run(antiCheatSummary, undefined),
    );
    app.get('/api/v1/attendance/my-face', { config: corp, schema: { tags, summary: 'Whether the member has enrolled a face', response: { 200: Type.Object({ enrolled: Type.Boolean() }) } } }, (request) => request.run(face, undefined));
    app.put('/api/v1/attendance/my-face', { config: corp, schema: { tags, summary: '人脸录入: the descriptor the device computed (unique in the enterprise)', body: FaceBody, response: { 204: NoContent } } }, async (request, reply) =>
      noContent(reply, request.run(enrol, request.body.descriptor)),
    );

    app.get('/api/v1/attendance/machines', { config: corp, schema: { tags, summary: '考勤机: the machines whose devices the actor manages', response: { 200: Type.Object({ items: Type.Array(MachineDto) }) } } }, async (request) => ({
      items: await request.run(machines.list, undefined),
    }));
    app.post(
      '/api/v1/attendance/machines',
      { config: corp, schema: { tags, summary: '添加考勤机: binds the device (bind right); the secret is shown this once', body: NewMachineInput, response: { 201: Type.Object({ machine: MachineDto, secret: Type.String() }) } } },
      async (request, reply) => created(reply, request.run(machines.add, request.body)),
    );
    app.put('/api/v1/attendance/machines/:deviceId', { config: corp, schema: { tags, summary: 'What the machine serves (打卡, 门禁, both: 配套使用) and its range', params: MachineParams, body: MachineInput, response: { 200: MachineDto } } }, (request) =>
      request.run(machines.update, { deviceId: request.params.deviceId, machine: request.body }),
    );
    app.post('/api/v1/attendance/machines/:deviceId/secret', { config: corp, schema: { tags, summary: "Rotate the machine's secret (the old one stops at once); shown this once", params: MachineParams, response: { 200: MachineSecretDto } } }, (request) =>
      request.run(machines.rotate, request.params.deviceId),
    );
    app.get('/api/v1/attendance/machines/:deviceId/punches', { config: corp, schema: { tags, summary: "The machine's last 200 punches, rejected ones with their reason", params: MachineParams, response: { 200: Type.Object({ items: Type.Array(MachinePunchDto) }) } } }, async (request) => ({
      items: await request.run(machines.punches, request.params.deviceId),
    }));
    app.post(
      '/api/v1/attendance/machine-punches',
      { config: { auth: 'public' }, schema: { tags, summary: "A machine's batch of punches (at most 200), authenticated by its secret (Authorization: Bearer <secret>)", body: PunchBatch, response: { 200: Type.Object({ results: Type.Array(PunchResultDto) }) } } },
      async (request) => {
        const secret = /^Bearer (\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
        if (!secret) throw new DomainError('auth.required', { reason: 'machine secret missing' });
        return { results: await receivePunches(deps.db, request.now, secret, request.body) };
      },
    );

    app.get('/api/v1/attendance/records', { config: corp, schema: { tags, summary: "A day's clock-ins of the members in the admin's scope", querystring: DayQuery, response: { 200: Type.Object({ items: Type.Array(ClockInDto) }) } } }, async (request) => ({
      items: await request.run(reports.records, request.query.day),
    }));
    app.get('/api/v1/attendance/summary', { config: corp, schema: { tags, summary: 'Daily or monthly summary per member (late, early, 未打卡, exceptions)', querystring: RangeQuery, response: { 200: SummaryDto } } }, async (request) => ({
      items: await request.run(reports.summary, request.query),
    }));
    app.get('/api/v1/attendance/summary/export', { config: corp, schema: { tags, summary: 'The summary as .xlsx', querystring: RangeQuery } }, async (request, reply) => {
      const corp = request.corp!;
      const mark = await exportMark(deps.registry, deps.db, corp.corpId, corp.actor, request.now, 'any');
      const workbook = await request.run(reports.export, { ...request.query, mark });
      reply.header('content-disposition', `attachment; filename="attendance-${request.query.from}-${request.query.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(`打卡汇总${request.query.from}至${request.query.to}.xlsx`)}`);
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(workbook);
    });
  };
}
