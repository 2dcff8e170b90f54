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

/** A field the API sorts by: a value of its `sort` parameter that is not a descending `-field`. */
export type SortField<S extends string> = Exclude<S, `-${string}`>;

export interface Column<T, S extends string = string> {
  readonly id: string;
  /** The header's text; with `hiddenHeader` it is read by screen readers only (action columns). */
  readonly header: string;
  readonly hiddenHeader?: boolean;
  /** The API's sort field for this column, when the API sorts by it. */
  readonly sortField?: SortField<S>;
  readonly cell: (row: T) => ReactNode;
}

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

function HeaderCell<T, S extends string>({ column, sort }: { column: Column<T, S>; sort: SortState<S> | undefined }) {
  const label = column.hiddenHeader ? <span className="visually-hidden">{column.header}</span> : column.header;
  const field = column.sortField;
  if (!sort || field === undefined) return <TableHeaderCell>{label}</TableHeaderCell>;
  const direction = directionOf(sort, field);
  return (
    <TableHeaderCell
      sortable
      sortDirection={direction}
      // The API sorts every field it names both ways, so `-field` is a value of its enum when `field` is.
      onClick={() => sort.onChange(direction === 'ascending' ? (`-${field}` as S) : field)}
    >
      {label}
    </TableHeaderCell>
  );
}

/** A table without its rows: what a paged table passes on. */
export interface TableLayout<T, S extends string = string> {
  /** The id of the heading that names the table. */
  readonly labelledBy: string;
  /** Their sort fields are checked against the sort state's values, never widen them. */
  readonly columns: readonly Column<T, NoInfer<S>>[];
  readonly rowKey: (row: T) => string;
  readonly sort?: SortState<S>;
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
}: DataTableProps<T, S>) {
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
