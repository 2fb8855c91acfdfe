import { Flex, Table, type TableProps } from 'antd';
import type { CursorList } from '../hooks/useCursorList';
import { ErrorAlert } from './ErrorAlert';
import { LoadMore } from './LoadMore';

interface CursorTableProps<T> extends Omit<TableProps<T>, 'dataSource' | 'loading' | 'pagination'> {
  list: CursorList<T>;
}

/** A table over a cursor-paginated endpoint, with a "load more" button instead of page numbers. */
export function CursorTable<T extends { id: string }>({ list, ...tableProps }: CursorTableProps<T>) {
  return (
    <Flex vertical gap="middle">
      <ErrorAlert error={list.error} />
      <Table<T> rowKey="id" {...tableProps} dataSource={list.items} loading={list.isPending} pagination={false} />
      <LoadMore list={list} />
    </Flex>
  );
}
