import { Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CursorList } from '../hooks/useCursorList';

export function LoadMore<T>({ list }: { list: CursorList<T> }) {
  const { t } = useTranslation();
  if (!list.hasNextPage) return null;
  return (
    <Flex justify="center">
      <Button onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
        {t('actions.loadMore')}
      </Button>
    </Flex>
  );
}
