import { Type } from 'typebox';
import { ExportLanguage, IsoDateTime, NullableIsoDateTime, PageQuery, StrictObject } from '../../platform/http/schemas.ts';
import { ALERT_FREQUENCIES, CHANNELS, TOPUP_STATUSES, TXN_TYPES } from './wallet.tables.ts';
import { ITEM_KEYS } from './catalog.ts';

const Fen = Type.Integer({ minimum: 1, maximum: 100_000_000_000, description: 'whole fen (分), above zero' });
export const IdempotencyKey = Type.String({ minLength: 1, maxLength: 100, pattern: '^[A-Za-z0-9_.:-]+$', description: 'unique per command; a replay returns the first result' });
const IdParam = Type.String({ maxLength: 40 });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const Channel = Type.Enum(CHANNELS);
export const Item = Type.Enum(ITEM_KEYS);
export const TxnType = Type.Enum(TXN_TYPES);
export const TopupStatus = Type.Enum(TOPUP_STATUSES, { description: 'pending 待到账, paid 已到账, closed 已关闭' });

export const CatalogDto = Type.Object({
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      unitFen: Type.Integer(),
      unit: Type.Object({ zh: Type.String(), en: Type.String() }),
      balancePayable: Type.Boolean(),
      refundable: Type.Boolean(),
      maySpend: Type.Boolean(),
    }),
  ),
});

export const AlertDto = Type.Object({
  enabled: Type.Boolean(),
  amountYuan: Type.Integer({ minimum: 0 }),
  frequency: Type.Enum(ALERT_FREQUENCIES),
  recipients: Type.Object({ memberIds: Type.Array(Type.String()), departmentIds: Type.Array(Type.String()), tagIds: Type.Array(Type.String()) }),
});
const IdList = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 1000 });
export const AlertBody = StrictObject({
  enabled: Type.Boolean(),
  amountYuan: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: '预警金额: a non-negative whole number of yuan' }),
  frequency: Type.Optional(Type.Enum(ALERT_FREQUENCIES, { default: 'daily' })),
  recipients: StrictObject({ memberIds: Type.Optional(IdList), departmentIds: Type.Optional(IdList), tagIds: Type.Optional(IdList) }),
});

export const WalletDto = Type.Object({
  balanceFen: Type.Integer(),
  consumedFen: Type.Integer(),
  invoicedFen: Type.Integer(),
  invoiceableFen: Type.Integer(),
  /** The creator and the super admins may top up (充值入口); a spending rule does not let a member fill the balance. */
  mayTopUp: Type.Boolean(),
  /** Whether the payment sandbox may pay this enterprise's online top-ups (the console offers its button only then). */
  sandboxPayments: Type.Boolean(),
  spendableItems: Type.Array(Type.String()),
  autoDeduct: Type.Object({ acquisition: Type.Boolean(), offered: Type.Boolean() }),
  alert: AlertDto,
});

export const LedgerRowDto = Type.Object({
  serialNo: Type.String(),
  at: IsoDateTime,
  type: TxnType,
  item: Nullable(Type.String()),
  description: Type.String(),
  amountFen: Type.Integer(),
  balanceAfterFen: Type.Integer(),
  quantity: Nullable(Type.Integer()),
  operator: Type.String({ description: "操作者: the person's name; empty for the system" }),
  operatorKind: Type.Union([Type.Literal('member'), Type.Literal('operator'), Type.Literal('app'), Type.Literal('system')], { description: 'system: automatic entries (auto-deductions), shown as 系统' }),
  channel: Nullable(Channel),
  seq: Type.Integer(),
});
const LedgerFilter = { from: Type.Optional(IsoDateTime), to: Type.Optional(IsoDateTime), type: Type.Optional(TxnType) };
export const LedgerQuery = StrictObject({ ...PageQuery, ...LedgerFilter });
export const LedgerPage = Type.Object({ items: Type.Array(LedgerRowDto), nextCursor: Nullable(Type.String()) });
export const ExportQuery = StrictObject({ ...LedgerFilter, format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]), lang: Type.Optional(ExportLanguage) });

export const InstructionsDto = Type.Object({
  kind: Type.Union([Type.Literal('bank_transfer'), Type.Literal('online')]),
  code: Type.Optional(Type.String()),
  payee: Type.Optional(Type.Object({ name: Type.String(), bank: Type.String(), account: Type.String(), nameEn: Type.String(), bankEn: Type.String() })),
  payPage: Type.Optional(Type.String()),
  qrText: Type.Optional(Type.String()),
});
export const TopupDto = Type.Object({
  id: Type.String(),
  channel: Channel,
  amountFen: Type.Integer(),
  status: TopupStatus,
  orderId: Nullable(Type.String()),
  code: Nullable(Type.String()),
  pendingReason: Nullable(Type.String()),
  createdBy: Type.String({ description: 'the name of the member who started it' }),
  agreementVersion: Nullable(Type.Integer({ description: 'the 充值服务协议 version agreed to; null for an order paid online' })),
  createdAt: IsoDateTime,
  paidAt: NullableIsoDateTime,
  closedAt: NullableIsoDateTime,
  instructions: InstructionsDto,
});
export const TopupBody = StrictObject({
  channel: Channel,
  amountFen: Fen,
  idempotencyKey: IdempotencyKey,
  agreementVersion: Type.Optional(Type.Integer({ minimum: 1, description: 'the 充值服务协议 version shown and agreed to (我已阅读并同意); required' })),
});
export const TopupParams = StrictObject({ topupId: IdParam });
export const TopupListQuery = StrictObject({ ...PageQuery, status: Type.Optional(TopupStatus) });
export const TopupPage = Type.Object({ items: Type.Array(TopupDto), nextCursor: Nullable(Type.String()) });
export const AgreementDto = Type.Object({ version: Type.Integer(), bodyZh: Type.String(), bodyEn: Type.String(), publishedAt: IsoDateTime, publishedBy: Type.String() });
export const AgreementBody = StrictObject({ bodyZh: Type.String({ minLength: 1, maxLength: 20_000 }), bodyEn: Type.String({ minLength: 1, maxLength: 20_000 }) });
export const CallbackParams = StrictObject({ channel: Channel });
export const CallbackBody = StrictObject({
  corpId: Type.String({ maxLength: 40 }),
  topupId: Type.String({ maxLength: 40 }),
  amountFen: Type.Integer({ minimum: 0 }),
  tradeNo: Type.String({ minLength: 1, maxLength: 64 }),
  timestamp: Type.Integer({ minimum: 0 }),
  signature: Type.String({ maxLength: 128 }),
});
export const CallbackResult = Type.Object({ result: Type.Union([Type.Literal('credited'), Type.Literal('duplicate')]) });

export const RuleDto = Type.Object({ id: Type.String(), isDefault: Type.Boolean(), allSuperAdmins: Type.Boolean(), memberIds: Type.Array(Type.String()), items: Type.Array(Type.String()), updatedAt: Nullable(Type.Integer()) });
export const RuleBody = StrictObject({ memberIds: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 1000 }), items: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 20 }) });
export const RuleParams = StrictObject({ ruleId: IdParam });

/** A quote (quotes.ts): what a paying action will charge, shown before it is confirmed. */
export const PriceQuoteDto = Type.Object({
  item: Type.String(),
  quantity: Type.Integer(),
  unitFen: Type.Integer(),
  totalFen: Type.Integer(),
  validUntil: NullableIsoDateTime,
  balanceFen: Type.Integer(),
  balanceAfterFen: Type.Integer(),
});
/** The quote's `totalFen` the admin confirmed, carried by every purchase with the balance; refused when the price changed since. */
export const QuotedFen = Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER });

export const AutoDeductParams = StrictObject({ item: Type.String({ maxLength: 40 }) });
export const AutoDeductBody = StrictObject({ enabled: Type.Boolean(), quotedFen: Type.Optional(QuotedFen) });
export const AutoDeductDto = Type.Object({ item: Type.String(), enabled: Type.Boolean() });
export const DeductionBody = StrictObject({ item: Type.Literal('acquisition'), amountFen: Fen, idempotencyKey: IdempotencyKey, description: Type.String({ minLength: 1, maxLength: 200 }) });
export const DeductionDto = Type.Object({ serialNo: Type.String(), balanceAfter: Type.Integer() });

export const OrderDto = Type.Object({
  id: Type.String(),
  item: Type.String(),
  quantity: Type.Integer(),
  amountFen: Type.Integer(),
  status: Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('refunded')]),
  paidBy: Nullable(Type.Union([Type.Literal('balance'), Type.Literal('channel')])),
  description: Type.String(),
  createdBy: Type.String(),
  createdAt: IsoDateTime,
  paidAt: NullableIsoDateTime,
  refundedAt: NullableIsoDateTime,
  actions: Type.Array(Type.Union([Type.Literal('pay'), Type.Literal('refund')]), { description: 'What the server would allow the caller to do with the order now' }),
});
export const OrderPage = Type.Object({ items: Type.Array(OrderDto), nextCursor: Nullable(Type.String()), pendingCount: Type.Integer() });
export const OrderListQuery = StrictObject({ ...PageQuery, status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('paid'), Type.Literal('refunded')])) });
// Up to 1,000,000: the largest 外部联系人规模 tier is ordered per customer.
export const NewOrderBody = StrictObject({ item: Item, quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }) });
export const OrderParams = StrictObject({ orderId: IdParam });
export const PayOrderBody = Type.Union([
  StrictObject({ method: Type.Literal('balance'), idempotencyKey: IdempotencyKey }),
  StrictObject({ method: Type.Literal('channel'), channel: Channel }),
]);
export const PayOrderResult = Type.Object({
  order: OrderDto,
  payment: Nullable(Type.Object({ serialNo: Type.String(), balanceAfter: Type.Integer() })),
  topup: Nullable(TopupDto),
});
export const RefundBody = StrictObject({ idempotencyKey: IdempotencyKey, reason: Type.String({ minLength: 1, maxLength: 200 }) });
export const RefundDto = Type.Object({ orderId: Type.String(), serialNo: Type.String(), balanceAfter: Type.Integer() });

const InvoiceType = Type.Union([Type.Literal('electronic_ordinary'), Type.Literal('electronic_special')]);
export const InvoiceDto = Type.Object({
  id: Type.String(),
  basis: Type.Union([Type.Literal('order'), Type.Literal('range')]),
  orderId: Nullable(Type.String()),
  from: NullableIsoDateTime,
  to: NullableIsoDateTime,
  type: InvoiceType,
  title: Type.String(),
  serviceName: Type.String(),
  amountFen: Type.Integer(),
  taxRatePercent: Type.Integer(),
  taxFen: Type.Integer(),
  status: Type.Union([Type.Literal('requested'), Type.Literal('issued')]),
  invoiceNo: Nullable(Type.String()),
  createdAt: IsoDateTime,
  issuedAt: NullableIsoDateTime,
});
export const InvoiceBody = Type.Union([
  StrictObject({ basis: Type.Literal('order'), orderId: IdParam, type: InvoiceType, idempotencyKey: IdempotencyKey }),
  StrictObject({ basis: Type.Literal('range'), from: IsoDateTime, to: IsoDateTime, type: InvoiceType, idempotencyKey: IdempotencyKey }),
]);
export const OperatorInvoiceDto = Type.Object({ ...InvoiceDto.properties, corpId: Type.String(), corpName: Type.String() });
export const OperatorInvoiceQuery = StrictObject({ status: Type.Optional(Type.Union([Type.Literal('requested'), Type.Literal('issued')])) });
export const InvoiceParams = StrictObject({ corpId: IdParam, invoiceId: IdParam });

export const PendingTransferDto = Type.Object({ corpId: Type.String(), corpName: Type.String(), topupId: Type.String(), code: Type.String(), amountFen: Type.Integer(), pendingReason: Nullable(Type.String()), createdAt: IsoDateTime });
export const ConfirmTransferBody = StrictObject({ code: Type.String({ minLength: 1, maxLength: 20 }), amountFen: Fen, payerName: Type.String({ minLength: 1, maxLength: 120 }) });
export const TransferOutcomeDto = Type.Object({ confirmed: Type.Boolean(), reason: Type.Optional(Type.String()), corpId: Type.Optional(Type.String()), topupId: Type.Optional(Type.String()) });
export const StatementBody = StrictObject({ csv: Type.String({ minLength: 1, maxLength: 900_000 }) });
export const StatementResult = Type.Object({
  lines: Type.Array(Type.Object({ line: Type.Integer(), payerName: Type.String(), amountFen: Nullable(Type.Integer()), code: Nullable(Type.String()), outcome: TransferOutcomeDto })),
});
export const CorpParams = StrictObject({ corpId: IdParam });
export const ManualRefundBody = StrictObject({ amountFen: Fen, reason: Type.String({ minLength: 1, maxLength: 200 }), idempotencyKey: IdempotencyKey });
export const ManualRefundDto = Type.Object({ serialNo: Type.String(), balanceAfter: Type.Integer() });
export const ManualRefundRow = Type.Object({ corpId: Type.String(), corpName: Type.String(), serialNo: Type.String(), amountFen: Type.Integer(), description: Type.String(), operator: Type.String(), at: IsoDateTime });
export const OperatorWalletDto = Type.Object({ corpId: Type.String(), corpName: Type.String(), balanceFen: Type.Integer() });
