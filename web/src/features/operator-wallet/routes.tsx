import type { RouteObject } from 'react-router';
import { OperatorInvoicesPage } from './OperatorInvoicesPage';
import { OperatorRefundsPage } from './OperatorRefundsPage';
import { OperatorTransfersPage } from './OperatorTransfersPage';

/** The operator's wallet pages, under /operator. */
export const operatorWalletRoutes: RouteObject[] = [
  { path: 'wallet/transfers', element: <OperatorTransfersPage /> },
  { path: 'wallet/invoices', element: <OperatorInvoicesPage /> },
  { path: 'wallet/refunds', element: <OperatorRefundsPage /> },
];

/** Links for the operator console's menu (label keys in the operatorWallet namespace). */
export const operatorWalletNav = [
  { path: '/operator/wallet/transfers', labelKey: 'nav.transfers' },
  { path: '/operator/wallet/invoices', labelKey: 'nav.invoices' },
  { path: '/operator/wallet/refunds', labelKey: 'nav.refunds' },
] as const;
