import {
  createTableColumn,
  Table,
  TableBody,
  TableCell,
  TableCellLayout,
  TableHeader,
  TableHeaderCell,
  TableRow,
  useTableColumnSizing_unstable,
  useTableFeatures,
  type SortDirection,
  type TableColumnSizingOptions,
} from '@fluentui/react-components';
import { Fragment, useMemo, type ReactNode } from 'react';

/** A field the API sorts by: a value of its `sort` parameter that is not a descending `-field`. */
export type SortField<S extends string> = Exclude<S, `-${string}`>;

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

/** The API's `sort` parameter (its enum in `generated.ts`): a field, or `-field` for descending. */
export interface SortState<S extends string = string> {
  readonly value: S;
  onChange(value: NoInfer<S>): void;
}

function directionOf<S extends string>(sort: SortState<S>, field: SortField<S>): SortDirection | undefined {
  if (sort.value === field) return 'ascending';
  if (sort.value === `-${field}`) return 'descending';
  return undefined;
}

type SizingProps = ReturnType<ReturnType<typeof useSizedColumns>['getTableHeaderCellProps']>;

function HeaderCell<T, S extends string>({
  column,
  sort,
  sizing,
}: {
  column: Column<T, S>;
  sort: SortState<S> | undefined;
  sizing: SizingProps;
}) {
  const label = column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header;
  const field = column.sortField;
  if (!sort || field === undefined) return <TableHeaderCell {...sizing}>{label}</TableHeaderCell>;
  const direction = directionOf(sort, field);
  return (
    <TableHeaderCell
      {...sizing}
      sortable
      sortDirection={direction}
      // The API sorts every field it names both ways, so `-field` is a value of its enum when `field` is.
      onClick={() => sort.onChange(direction === 'ascending' ? (`-${field}` as S) : field)}
    >
      {label}
    </TableHeaderCell>
  );
}

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
  return { ...sizing, tableRef };
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

export interface RowGroups<T> {
  key(row: T): string;
  /** The heading of a group, from its rows (those loaded). */
  label(rows: readonly T[]): string;
}

/** Consecutive rows with the same key, in their order. */
function grouped<T>(rows: readonly T[], group: RowGroups<T>): Array<{ key: string; rows: T[] }> {
  const groups: Array<{ key: string; rows: T[] }> = [];
  for (const row of rows) {
    const key = group.key(row);
    const last = groups.at(-1);
    if (last?.key === key) last.rows.push(row);
    else groups.push({ key, rows: [row] });
  }
  return groups;
}

export interface DataTableProps<T, S extends string = string> extends TableLayout<T, S> {
  readonly rows: readonly T[];
}

/** A table of rows with typed columns; headers of sortable columns are buttons that announce their order. */
export function DataTable<T, S extends string = string>({
  labelledBy,
  columns,
  rows,
  rowKey,
  sort,
  group,
}: DataTableProps<T, S>) {
  const sizing = useSizedColumns(columns as readonly Column<T, never>[], rows);
  return (
    // A table wider than the tab scrolls sideways in its own box (focusable, so arrow keys scroll it too); the page
    // keeps the tab's width.
    <div className="table-scroll" role="group" aria-labelledby={labelledBy} tabIndex={0}>
      <Table
        ref={sizing.tableRef}
        {...sizing.getTableProps()}
        className="data-table"
        aria-labelledby={labelledBy}
        sortable={sort !== undefined && columns.some((c) => c.sortField)}
      >
        <TableHeader>
          <TableRow>
            {columns.map((column) => (
              <HeaderCell
                key={column.id}
                column={column}
                sort={sort}
                sizing={sizing.getTableHeaderCellProps(column.id)}
              />
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {(group ? grouped(rows, group) : [{ key: '', rows: [...rows] }]).map((part) => (
            <Fragment key={`group-${part.key}`}>
              {group && (
                <TableRow className="group-row">
                  <TableCell colSpan={columns.length}>
                    <span className="group-label">{group.label(part.rows)}</span>
                  </TableCell>
                </TableRow>
              )}
              {part.rows.map((row) => (
                <TableRow key={rowKey(row)}>
                  {columns.map((column) => (
                    <TableCell key={column.id} {...sizing.getTableCellProps(column.id)}>
                      <CellContent content={column.cell(row)} />
                    </TableCell>
                  ))}
                </TableRow>
              ))}
            </Fragment>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
