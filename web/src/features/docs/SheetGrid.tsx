import { Button, Card, Input, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { cellName, useCells, useComments, useEditCells, useSheets } from './api';

const ROWS = 20;
const COLS = 10;

/**
 * The sheet editor: a page of 20 rows × 10 columns, each cell saved when it loses focus (the
 * server cuts a revision at every 50 cells a person changes). A cell with comments is marked.
 */
export function SheetGrid({ fileId, canEdit, onSelect }: { fileId: string; canEdit: boolean; onSelect: (cell: { sheetId: string; row: number; col: number }) => void }) {
  const { t } = useTranslation('docs');
  const sheets = useSheets(fileId, true);
  const [chosen, setChosen] = useState<string>();
  const sheetId = chosen ?? sheets.data?.items[0]?.id;
  const [fromRow, setFromRow] = useState(0);
  const cells = useCells(fileId, sheetId, fromRow, fromRow + ROWS);
  const comments = useComments(fileId);
  const edit = useEditCells(fileId);
  const [draft, setDraft] = useState<Map<string, string>>(new Map());
  const saved = useMemo(() => new Map((cells.data?.items ?? []).map((c) => [`${c.row}:${c.col}`, c.value])), [cells.data]);
  // What was last sent per cell: a cell left by Enter and then by blur is sent once.
  const sent = useRef(new Map<string, string>());
  useEffect(() => {
    setDraft(new Map());
    sent.current.clear();
  }, [sheetId, fromRow]);
  // A draft stays until the server's cells hold it, so a refetch that lands while the next cell is
  // being typed keeps what was typed.
  useEffect(() => setDraft((prev) => new Map([...prev].filter(([key, value]) => value !== (saved.get(key) ?? '')))), [saved]);
  const commented = new Set((comments.data?.threads ?? []).filter((c) => c.sheetId === sheetId).map((c) => `${c.row}:${c.col}`));

  const commit = (row: number, col: number) => {
    const key = `${row}:${col}`;
    const value = draft.get(key);
    if (value === undefined || value === (sent.current.get(key) ?? saved.get(key) ?? '') || !sheetId) return;
    sent.current.set(key, value);
    edit.mutate({ sheetId, cells: [{ row, col, value }] }, { onError: () => sent.current.delete(key) });
  };

  return (
    <Card
      title={
        <Select
          aria-label={t('list.sheet')}
          value={sheetId}
          onChange={(id) => (setChosen(id), setFromRow(0))}
          options={(sheets.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
          style={{ minWidth: 160 }}
        />
      }
      extra={
        <Space>
          <Button size="small" disabled={fromRow === 0} onClick={() => setFromRow(Math.max(0, fromRow - ROWS))}>
            {t('file.prev')}
          </Button>
          <Typography.Text>{t('file.rows', { from: fromRow + 1, to: fromRow + ROWS })}</Typography.Text>
          <Button size="small" onClick={() => setFromRow(fromRow + ROWS)}>
            {t('file.next')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={sheets.error ?? cells.error ?? edit.error} />
      <div style={{ overflowX: 'auto' }}>
        <table style={{ borderCollapse: 'collapse' }} data-testid="sheet-grid">
          <thead>
            <tr>
              <th />
              {Array.from({ length: COLS }, (_, c) => (
                <th key={c} style={{ fontWeight: 'normal', color: '#888' }}>
                  {cellName(0, c).replace(/\d+$/, '')}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: ROWS }, (_, i) => {
              const row = fromRow + i;
              return (
                <tr key={row}>
                  <th style={{ fontWeight: 'normal', color: '#888', paddingRight: 4 }}>{row + 1}</th>
                  {Array.from({ length: COLS }, (_, col) => {
                    const key = `${row}:${col}`;
                    return (
                      <td key={col} style={{ border: '1px solid #f0f0f0', minWidth: 72, background: commented.has(key) ? '#fffbe6' : undefined }}>
                        <Input
                          variant="borderless"
                          size="small"
                          aria-label={cellName(row, col)}
                          readOnly={!canEdit}
                          value={draft.get(key) ?? saved.get(key) ?? ''}
                          onFocus={() => sheetId && onSelect({ sheetId, row, col })}
                          onChange={(e) => {
                            const value = e.target.value;
                            setDraft((prev) => new Map(prev).set(key, value));
                          }}
                          onBlur={() => commit(row, col)}
                          onPressEnter={() => commit(row, col)}
                        />
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
