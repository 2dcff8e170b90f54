import {
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  type SortDirection,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';

export interface Column<T> {
  readonly id: string;
  /** The header's text; with `hiddenHeader` it is read by screen readers only (action columns). */
  readonly header: string;
  readonly hiddenHeader?: boolean;
  /** The API's sort field for this column, when the API sorts by it. */
  readonly sortField?: string;
  readonly cell: (row: T) => ReactNode;
}

/** The API's `sort` parameter: a field, or `-field` for descending. */
export interface SortState {
  readonly value: string;
  onChange(value: string): void;
}

function directionOf(sort: SortState, field: string): SortDirection | undefined {
  if (sort.value === field) return 'ascending';
  if (sort.value === `-${field}`) return 'descending';
  return undefined;
}

function HeaderCell<T>({ column, sort }: { column: Column<T>; sort: SortState | undefined }) {
  const label = column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header;
  const field = column.sortField;
  if (!sort || field === undefined) return <TableHeaderCell>{label}</TableHeaderCell>;
  const direction = directionOf(sort, field);
  return (
    <TableHeaderCell
      sortable
      sortDirection={direction}
      onClick={() => sort.onChange(direction === 'ascending' ? `-${field}` : field)}
    >
      {label}
    </TableHeaderCell>
  );
}

export interface DataTableProps<T> {
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
  readonly columns: readonly Column<T>[];
  readonly rows: readonly T[];
  readonly rowKey: (row: T) => string;
  readonly sort?: SortState;
}

/** A table of rows with typed columns; headers of sortable columns are buttons that announce their order. */
export function DataTable<T>({ labelledBy, columns, rows, rowKey, sort }: DataTableProps<T>) {
  return (
    <Table
      className="data-table"
      aria-labelledby={labelledBy}
      sortable={sort !== undefined && columns.some((c) => c.sortField)}
    >
      <TableHeader>
        <TableRow>
          {columns.map((column) => (
            <HeaderCell key={column.id} column={column} sort={sort} />
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={rowKey(row)}>
            {columns.map((column) => (
              <TableCell key={column.id}>{column.cell(row)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
