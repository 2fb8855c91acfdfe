import { isNavVisible, type NavItem } from '../nav';
import { useMe } from '../session';
import { PageResult } from './PageResult';

/** Renders a nav page, or "no permission" when the item is hidden for this account. */
export function RequireNav({ item }: { item: NavItem }) {
  const me = useMe();
  return isNavVisible(item, me) ? item.element : <PageResult status={403} />;
}
