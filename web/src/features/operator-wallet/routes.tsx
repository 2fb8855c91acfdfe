import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage';

/** The operator's wallet pages, under /operator. */
export const operatorWalletRoutes: RouteObject[] = [
  { path: 'wallet/transfers', element: lazyPage(async () => (await import('./OperatorTransfersPage')).OperatorTransfersPage) },
  { path: 'wallet/invoices', element: lazyPage(async () => (await import('./OperatorInvoicesPage')).OperatorInvoicesPage) },
  { path: 'wallet/refunds', element: lazyPage(async () => (await import('./OperatorRefundsPage')).OperatorRefundsPage) },
  { path: 'wallet/agreement', element: lazyPage(async () => (await import('./OperatorAgreementPage')).OperatorAgreementPage) },
];

/** Links for the operator console's menu (label keys in the operatorWallet namespace). */
export const operatorWalletNav = [
  { path: '/operator/wallet/transfers', labelKey: 'nav.transfers' },
  { path: '/operator/wallet/invoices', labelKey: 'nav.invoices' },
  { path: '/operator/wallet/refunds', labelKey: 'nav.refunds' },
  { path: '/operator/wallet/agreement', labelKey: 'nav.agreement' },
] as const;
