import {
  createTableColumn,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableRow,
  useTableColumnSizing_unstable,
  useTableFeatures,
  type TableColumnSizingOptions,
} from '@fluentui/react-components';
import { useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useRowWindow } from './row-window.js';
import { entriesOf, type RowGroups, type TableEntry } from './table-entries.js';
import { HeaderCell, type SortField, type SortState } from './table-header-cell.js';

export type { RowGroups } from './table-entries.js';
export type { SortField, SortState } from './table-header-cell.js';

export interface Column<T, S extends string = string> {
  readonly id: string;
  /** The header's text; with `hiddenHeader` it is read by screen readers only (action columns). */
  readonly header: string;
  readonly hiddenHeader?: boolean;
  /** The API's sort field for this column, when the API sorts by it. */
  readonly sortField?: SortField<S>;
  /** The column's starting width in pixels (120 unless told); a person drags its header's edge to resize it. */
  readonly width?: number;
  /** Text (a string or a number) stays on one line, cut with an ellipsis when too long, whole on hover. */
  readonly cell: (row: T) => ReactNode;
}

const defaultWidth = 120;
const minimumWidth = 48;

/** A cell's content: text on one line, cut with an ellipsis, whole in its tooltip; anything else as it is. */
function CellContent({ content }: { content: ReactNode }) {
  if (typeof content !== 'string' && typeof content !== 'number') return <>{content}</>;
  return (
    // As text: Fluent drops a falsy child, and a count of 0 must show.
    <TableCellLayout truncate title={String(content)}>
      {String(content)}
    </TableCellLayout>
  );
}

/** Fluent's column sizing: each column starts at its width, and its header's handle resizes it. */
function useSizedColumns<T>(columns: readonly Column<T, never>[], rows: readonly T[]) {
  const ids = columns.map((column) => `${column.id}:${column.width ?? defaultWidth}`).join(',');
  // Pages build their columns on each render; the sizing state follows their ids and widths, not their identity.
  const { tableColumns, options } = useMemo(() => sizingOf(columns), [ids]);
  const { columnSizing_unstable: sizing, tableRef } = useTableFeatures({ columns: tableColumns, items: [...rows] }, [
    useTableColumnSizing_unstable({ columnSizingOptions: options, autoFitColumns: false }),
  ]);
  const widths = new Map(sizing.getColumnWidths().map((column) => [column.columnId, column.width]));
  const widthOf = (column: Column<T, never>) => ({
    width: widths.get(column.id) ?? column.width ?? defaultWidth,
    min: options[column.id]?.minWidth ?? minimumWidth,
    resize: (width: number) => sizing.setColumnWidth(column.id, width),
  });
  return { ...sizing, tableRef, widthOf };
}

function sizingOf<T>(columns: readonly Column<T, never>[]) {
  const options: TableColumnSizingOptions = {};
  for (const column of columns) {
    const width = column.width ?? defaultWidth;
    options[column.id] = { idealWidth: width, defaultWidth: width, minWidth: Math.min(width, minimumWidth) };
  }
  return { tableColumns: columns.map((column) => createTableColumn<T>({ columnId: column.id })), options };
}

/** A table without its rows: what a paged table passes on. */
export interface TableLayout<T, S extends string = string> {
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
  /** Their sort fields are checked against the sort state's values, never widen them. */
  readonly columns: readonly Column<T, NoInfer<S>>[];
  readonly rowKey: (row: T) => string;
  readonly sort?: SortState<S>;
  /** Rows that follow each other with the same group key sit under one heading row (the rows come sorted by it). */
  readonly group?: RowGroups<T>;
}

export interface DataTableProps<T, S extends string = string> extends TableLayout<T, S> {
  readonly rows: readonly T[];
  /** Called when the person has scrolled to the last rows (a paged list then loads its next page). */
  readonly onEndReached?: (() => void) | undefined;
}

/** A line kept in place of those not rendered, as high as they would be; no content, hidden from assistive tech. */
function Spacer({ height, span }: { height: number; span: number }) {
  if (height === 0) return null;
  return (
    <tr className="table-spacer" aria-hidden="true" style={{ height }}>
      <td colSpan={span} />
    </tr>
  );
}

/** Lines from the end at which the next page is asked for, so that it is there before the person gets to it. */
const endReachedWithin = 10;

/**
 * A table of rows with typed columns; headers of sortable columns are buttons that announce their order. Long lists
 * render only the lines in view and a few around them (`useRowWindow`): 10,000 accounts scroll like 50.
 */
export function DataTable<T, S extends string = string>({
  labelledBy,
  columns,
  rows,
  rowKey,
  sort,
  group,
  onEndReached,
}: DataTableProps<T, S>) {
  const sizing = useSizedColumns(columns as readonly Column<T, never>[], rows);
  const box = useRef<HTMLDivElement>(null);
  const body = useRef<HTMLTableSectionElement>(null);
  const entries = entriesOf(rows, group);
  const shown = useRowWindow(box, body, entries.length);
  const nearEnd = shown.viewEnd >= entries.length - endReachedWithin;
  const endReached = useRef(onEndReached);
  endReached.current = onEndReached;
  useEffect(() => {
    if (nearEnd) endReached.current?.();
  }, [nearEnd, entries.length]);
  const line = (entry: TableEntry<T>, index: number) => {
    // aria-rowindex counts the header's row first: assistive tech tells "row 4,812 of 10,001" with lines unrendered.
    const position = { 'data-line': index, 'aria-rowindex': index + 2 };
    if (entry.type === 'heading') {
      return (
        <TableRow key={`group-${entry.key}`} className="group-row" {...position}>
          <TableCell colSpan={columns.length}>
            <span className="group-label" title={entry.label}>
              {entry.label}
            </span>
          </TableCell>
        </TableRow>
      );
    }
    return (
      <TableRow key={rowKey(entry.row)} {...position}>
        {columns.map((column) => (
          <TableCell key={column.id} {...sizing.getTableCellProps(column.id)}>
            <CellContent content={column.cell(entry.row)} />
          </TableCell>
        ))}
      </TableRow>
    );
  };
  return (
    // The table scrolls in its own focusable box (arrow keys and Page Down scroll it too), sideways when wider than the
    // tab and down when longer than the box; its header stays in view.
    <div ref={box} className="table-scroll" role="group" aria-labelledby={labelledBy} tabIndex={0}>
      <Table
        ref={sizing.tableRef}
        {...sizing.getTableProps()}
        className="data-table"
        aria-labelledby={labelledBy}
        aria-rowcount={entries.length + 1}
        sortable={sort !== undefined && columns.some((c) => c.sortField)}
      >
        <TableHeader>
          <TableRow aria-rowindex={1}>
            {columns.map((column) => (
              <HeaderCell
                key={column.id}
                header={column.header}
                hiddenHeader={column.hiddenHeader}
                sortField={column.sortField}
                sort={sort}
                sizing={sizing.getTableHeaderCellProps(column.id)}
                width={sizing.widthOf(column as Column<T, never>)}
              />
            ))}
          </TableRow>
        </TableHeader>
        <TableBody ref={body}>
          <Spacer height={shown.before} span={columns.length} />
          {entries.slice(shown.start, shown.end).map((entry, offset) => line(entry, shown.start + offset))}
          <Spacer height={shown.after} span={columns.length} />
        </TableBody>
      </Table>
    </div>
  );
}
