import { Workbook, type WorkbookInstance } from '@fortune-sheet/react';
import '@fortune-sheet/react/dist/index.css';
import type { Cell as FortuneCell, CellWithRowAndCol, Op, Selection, Sheet as FortuneSheet } from '@fortune-sheet/core';
import { Button, Card, Select, Space, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLanguage } from '../../hooks/useLanguage';
import { cellName, useCells, useComments, useEditCells, useSheets, type Cell, type Thread } from './api';

/** Rows the editor holds at a time: the most the cells route returns in one call. */
const WINDOW = 1_000;
/** Columns shown when the sheet's cells reach less far (FortuneSheet's own default is 60). */
const MIN_COLS = 26;
/** An edit call carries at most this many cells (EditCellsBody). */
const EDIT_BATCH = 1_000;
const ROW_HEADER_WIDTH = 56;

const key = (row: number, col: number) => `${row}:${col}`;

/** The text a FortuneSheet cell shows, which is what the server keeps (it stores values, not formulas). */
function cellText(cell: FortuneCell | null | undefined): string {
  if (!cell) return '';
  if (cell.ct?.t === 'inlineStr') return (cell.ct.s ?? []).map((s: { v?: unknown }) => String(s.v ?? '')).join('');
  const shown = cell.m ?? cell.v;
  return shown === undefined || shown === null ? '' : String(shown);
}

/** A comment thread as FortuneSheet's note (its red corner marks the cell; hovering shows the text). */
function note(threads: Thread[], line: (author: string, body: string) => string) {
  return { value: threads.map((th) => [th, ...th.replies].map((c) => line(c.authorName, c.body)).join('\n')).join('\n\n'), isShow: false };
}

/** A selection as the name box says it (A1, or B2:C3), in the sheet's own rows: the editor holds the rows from `fromRow`. */
function rangeName(range: { row: number[]; column: number[] }, fromRow: number): string {
  const [r0 = 0, r1 = r0] = range.row;
  const [c0 = 0, c1 = c0] = range.column;
  const first = cellName(r0 + fromRow, c0);
  return r0 === r1 && c0 === c1 ? first : `${first}:${cellName(r1 + fromRow, c1)}`;
}

// FortuneSheet's name box counts from the editor's first row; ours, put in its place, from the sheet's.
const NAME_BOX_STYLE = '.banyan-sheet .fortune-name-box:not(.banyan-name-box) { display: none; }';

interface Snapshot {
  generation: number;
  sheetId: string;
  fromRow: number;
  cells: Cell[];
  limits: { cells: number; rows: number; cols: number };
}

/**
 * The sheet editor: FortuneSheet (see docs/decisions/sheet.md) holding 1,000 rows of one sheet at a
 * time. Every change FortuneSheet reports (typing, paste, clear, undo) is sent as one edit of the
 * cells it touched; the server cuts a revision at every 50 cells a person changes. A cell with
 * comments carries FortuneSheet's note marker, and selecting a cell tells the page.
 */
export default function SheetEditor({ fileId, canEdit, onSelect }: { fileId: string; canEdit: boolean; onSelect: (cell: { sheetId: string; row: number; col: number }) => void }) {
  const { t } = useTranslation(['docs', 'common']);
  const language = useLanguage();
  const sheets = useSheets(fileId, true);
  const [chosen, setChosen] = useState<string>();
  const sheetId = chosen ?? sheets.data?.items[0]?.id;
  const limits = sheets.data?.limits;
  const [fromRow, setFromRow] = useState(0);
  const toRow = Math.min(fromRow + WINDOW, limits?.rows ?? WINDOW);
  const cells = useCells(fileId, sheetId, fromRow, toRow);
  const comments = useComments(fileId);
  const edit = useEditCells(fileId);
  const { mutate } = edit;
  const [refused, setRefused] = useState<ApiError>();
  const workbook = useRef<WorkbookInstance>(null);
  const area = useRef<HTMLDivElement>(null);
  const [nameBox, setNameBox] = useState<{ host: Element; name: string }>();

  // What the editor shows, per absolute cell: the server's cells when it was filled, then every edit sent.
  const shown = useRef(new Map<string, string>());
  const inFlight = useRef(0);
  const touched = useRef<Set<string> | 'all'>(new Set());
  const [snapshot, setSnapshot] = useState<Snapshot>();

  // The editor is filled from the server when it opens a window of rows, and again when the server's
  // cells differ from what it shows with no edit of ours on the way (a restore, another editor, a
  // refused edit). Our own edits coming back change nothing, so typing is never interrupted.
  useEffect(() => {
    if (!sheetId || !cells.data || !limits) return;
    const fresh = cells.data.items;
    const sameWindow = snapshot?.sheetId === sheetId && snapshot.fromRow === fromRow;
    if (sameWindow) {
      if (inFlight.current > 0) return;
      const current = new Map(fresh.map((c) => [key(c.row, c.col), c.value]));
      const differs = current.size !== [...shown.current.values()].filter((v) => v !== '').length || [...current].some(([k, v]) => shown.current.get(k) !== v);
      if (!differs) return;
    }
    shown.current = new Map(fresh.map((c) => [key(c.row, c.col), c.value]));
    touched.current = new Set();
    setSnapshot({ generation: (snapshot?.generation ?? 0) + 1, sheetId, fromRow, cells: fresh, limits });
  }, [cells.data, sheetId, fromRow, limits, snapshot]);

  const threadsAt = useMemo(() => {
    const at = new Map<string, Thread[]>();
    for (const th of comments.data?.threads ?? []) {
      if (th.sheetId !== sheetId || th.row === null || th.col === null) continue;
      const k = key(th.row, th.col);
      at.set(k, [...(at.get(k) ?? []), th]);
    }
    return at;
  }, [comments.data, sheetId]);

  // The used columns and one more, at least 26, at most the server's 2,000 (a loop: a window may hold 2,000,000 cells).
  const columns = useMemo(() => {
    if (!snapshot) return 0;
    let lastCol = -1;
    for (const c of snapshot.cells) lastCol = Math.max(lastCol, c.col);
    return Math.min(snapshot.limits.cols, Math.max(MIN_COLS, lastCol + 2));
  }, [snapshot]);

  const data = useMemo((): FortuneSheet[] | undefined => {
    if (!snapshot) return undefined;
    const celldata: CellWithRowAndCol[] = snapshot.cells.map((c) => ({ r: c.row - snapshot.fromRow, c: c.col, v: { v: c.value, m: c.value, ct: { fa: '@', t: 's' } } }));
    return [
      {
        id: snapshot.sheetId,
        name: sheets.data?.items.find((s) => s.id === snapshot.sheetId)?.name ?? '',
        celldata,
        row: Math.min(WINDOW, snapshot.limits.rows - snapshot.fromRow),
        column: columns,
        status: 1,
        order: 0,
      },
    ];
    // A new snapshot alone refills the editor; a renamed sheet waits for it.
  }, [snapshot, columns]);

  // Notes follow the comments, set through FortuneSheet's API: all of them once the editor is filled, then each change.
  const marked = useRef(new Map<string, string>());
  useEffect(() => {
    marked.current = new Map();
  }, [snapshot]);
  useEffect(() => {
    const api = workbook.current;
    if (!api || !snapshot) return;
    for (const [k, threads] of threadsAt) {
      const ps = note(threads, (author, body) => t('common:labelled', { label: author, value: body }));
      const [row, col] = k.split(':').map(Number) as [number, number];
      const shownHere = row >= snapshot.fromRow && row < snapshot.fromRow + WINDOW && col < columns;
      if (!shownHere || marked.current.get(k) === ps.value) continue;
      api.setCellFormat(row - snapshot.fromRow, col, 'ps', ps, { id: snapshot.sheetId });
      marked.current.set(k, ps.value);
    }
  }, [threadsAt, snapshot, columns, data]);

  // A refused edit is taken back in the editor (the server kept nothing of it); its error stays shown.
  const takeBack = useCallback(
    (refusedCells: Cell[], before: Map<string, string>) => {
      const api = workbook.current;
      if (!api || !snapshot) return;
      for (const cell of refusedCells) {
        const k = key(cell.row, cell.col);
        if (shown.current.get(k) !== cell.value) continue;
        const value = before.get(k) ?? '';
        shown.current.set(k, value);
        api.setCellValue(cell.row - snapshot.fromRow, cell.col, value, { id: snapshot.sheetId });
      }
    },
    [snapshot],
  );

  const send = useCallback(
    (changes: Cell[], before: Map<string, string>) => {
      if (!snapshot) return;
      for (let i = 0; i < changes.length; i += EDIT_BATCH) {
        const batch = changes.slice(i, i + EDIT_BATCH);
        inFlight.current++;
        mutate(
          { sheetId: snapshot.sheetId, cells: batch },
          {
            onSuccess: () => setRefused(undefined),
            onError: () => takeBack(batch, before),
            onSettled: () => inFlight.current--,
          },
        );
      }
    },
    [mutate, snapshot, takeBack],
  );

  const onOp = useCallback((ops: Op[]) => {
    for (const op of ops) {
      if (op.path[0] !== 'data') continue;
      const [, r, c] = op.path;
      if (typeof r !== 'number' || typeof c !== 'number' || touched.current === 'all') touched.current = 'all';
      else touched.current.add(key(r, c));
    }
  }, []);

  // FortuneSheet reports the sheets after each change it made: what onOp marked is compared with what
  // the editor showed, and the cells that changed go to the server.
  const onChange = useCallback(
    (sheetsNow: FortuneSheet[]) => {
      if (!snapshot) return;
      const matrix = sheetsNow.find((s) => s.id === snapshot.sheetId)?.data;
      const marks = touched.current;
      touched.current = new Set();
      if (!matrix || (marks !== 'all' && marks.size === 0)) return;
      const keys =
        marks === 'all'
          ? new Set([...shown.current.keys(), ...matrix.flatMap((cols, r) => cols.flatMap((cell, c) => (cellText(cell) === '' ? [] : [key(r + snapshot.fromRow, c)])))])
          : new Set([...marks].map((k) => {
              const [r, c] = k.split(':').map(Number) as [number, number];
              return key(r + snapshot.fromRow, c);
            }));
      const changes: Cell[] = [];
      const before = new Map<string, string>();
      for (const k of keys) {
        const [row, col] = k.split(':').map(Number) as [number, number];
        const value = cellText(matrix[row - snapshot.fromRow]?.[col]);
        const was = shown.current.get(k) ?? '';
        if (value === was) continue;
        before.set(k, was);
        shown.current.set(k, value);
        changes.push({ row, col, value });
      }
      if (changes.length > 0) send(changes, before);
    },
    [snapshot, send],
  );

  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  // Stable for a snapshot: FortuneSheet re-reads its settings whenever the hooks change.
  const hooks = useMemo(() => {
    if (!snapshot) return {};
    const { limits } = snapshot;
    // FortuneSheet asks while it renders, so the page's error waits for that render to end.
    const refuse = (error: ApiError) => queueMicrotask(() => setRefused(error));
    return {
      // A cell past 200,000 rows (rows added below the last page) is refused before FortuneSheet takes it.
      // Columns stop at 2,000 already; the 1,000,000 cells are counted by the server alone, which
      // refuses the edit (docs.sheet_full): the editor then takes the cell back and shows why.
      beforeUpdateCell: (r: number, c: number) => {
        const row = r + snapshot.fromRow;
        if (row < limits.rows && c < limits.cols) return true;
        refuse(new ApiError(400, 'docs.cell_out_of_range', '', { row, col: c }));
        return false;
      },
      // Comments are written in the page's panel, where they reach the server: FortuneSheet's notes only show them.
      beforeInsertComment: () => false,
      beforeUpdateComment: () => false,
      beforeDeleteComment: () => false,
      afterSelectionChange: (id: string, selection: Selection) => {
        const row = (selection.row_focus ?? selection.row[0] ?? 0) + snapshot.fromRow;
        const col = selection.column_focus ?? selection.column[0] ?? 0;
        onSelectRef.current({ sheetId: id, row, col });
        // The box shows the last of several selected ranges, as FortuneSheet's own does.
        const host = area.current?.querySelector('.fortune-name-box-container');
        if (host) setNameBox({ host, name: rangeName(workbook.current?.getSelection()?.at(-1) ?? selection, snapshot.fromRow) });
      },
      // Past the first window the row numbers are the sheet's own, not the window's.
      beforeRenderRowHeaderCell: (_label: string, rowIndex: number, top: number, width: number, height: number, ctx: CanvasRenderingContext2D) => {
        if (snapshot.fromRow === 0) return true;
        const label = String(rowIndex + snapshot.fromRow + 1);
        ctx.fillStyle = '#ffffff';
        ctx.fillRect(0, top, width, height);
        ctx.fillStyle = '#000000';
        ctx.fillText(label, (width - ctx.measureText(label).width) / 2, top + height / 2);
        ctx.strokeStyle = '#dfdfdf';
        ctx.strokeRect(-0.5, top - 0.5, width, height);
        return false;
      },
    };
  }, [snapshot]);

  const menu = canEdit ? ['copy', 'paste', '|', 'clear'] : ['copy'];
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
          <Button size="small" disabled={fromRow === 0} onClick={() => setFromRow(Math.max(0, fromRow - WINDOW))}>
            {t('file.prev')}
          </Button>
          <Typography.Text>{t('file.rows', { from: fromRow + 1, to: toRow })}</Typography.Text>
          <Button size="small" disabled={toRow >= (limits?.rows ?? 0)} onClick={() => setFromRow(fromRow + WINDOW)}>
            {t('file.next')}
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={sheets.error ?? cells.error ?? refused ?? edit.error} />
      <style>{NAME_BOX_STYLE}</style>
      <div ref={area} data-testid="sheet-editor" className="banyan-sheet" style={{ height: 520, position: 'relative' }}>
        {data && snapshot && (
          <Workbook
            key={snapshot.generation}
            ref={workbook}
            data={data}
            lang={language}
            allowEdit={canEdit}
            showToolbar={canEdit}
            toolbarItems={['undo', 'redo']}
            showSheetTabs={false}
            rowHeaderWidth={ROW_HEADER_WIDTH}
            cellContextMenu={menu}
            headerContextMenu={menu}
            hooks={hooks}
            onOp={onOp}
            onChange={onChange}
          />
        )}
        {nameBox?.host.isConnected &&
          createPortal(
            <div className="fortune-name-box banyan-name-box" tabIndex={0} dir="ltr">
              {nameBox.name}
            </div>,
            nameBox.host,
          )}
      </div>
    </Card>
  );
}
