import { TableHeaderCell, type SortDirection, type TableHeaderCellProps } from '@fluentui/react-components';
import { cloneElement, isValidElement, type HTMLAttributes, type KeyboardEvent } from 'react';
import { useLanguage } from '../i18n/language.js';

/** A field the API sorts by: a value of its `sort` parameter that is not a descending `-field`. */
export type SortField<S extends string> = Exclude<S, `-${string}`>;

/** The API's `sort` parameter (its enum in `generated.ts`): a field, or `-field` for descending. */
export interface SortState<S extends string = string> {
  readonly value: S;
  onChange(value: NoInfer<S>): void;
}

/** A column's width as Fluent's column sizing holds it, and how to change it. */
export interface ColumnWidth {
  readonly width: number;
  readonly min: number;
  resize(width: number): void;
}

/** Pixels one arrow key press widens or narrows a column by; with Shift, a finer step. */
const step = 20;
const fineStep = 5;
const maximumWidth = 1200;

function directionOf<S extends string>(sort: SortState<S>, field: SortField<S>): SortDirection | undefined {
  if (sort.value === field) return 'ascending';
  if (sort.value === `-${field}`) return 'descending';
  return undefined;
}

/**
 * Fluent's resize handle, which a mouse drags, made a focusable separator too (the ARIA window-splitter pattern):
 * Tab reaches it after the header, Left and Right arrows narrow and widen the column. Fluent's own keyboard mode has
 * to be switched on from a menu and names itself in English only.
 */
function keyboardResizable(
  handle: TableHeaderCellProps['aside'],
  label: string,
  column: ColumnWidth,
  pixels: string,
): TableHeaderCellProps['aside'] {
  if (!isValidElement<HTMLAttributes<HTMLElement>>(handle)) return handle;
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    const by = event.shiftKey ? fineStep : step;
    const change = { ArrowLeft: -by, ArrowRight: by }[event.key];
    if (change === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    column.resize(Math.min(maximumWidth, Math.max(column.min, column.width + change)));
  };
  return cloneElement(handle, {
    tabIndex: 0,
    role: 'separator',
    'aria-hidden': false,
    'aria-orientation': 'vertical',
    'aria-label': label,
    'aria-valuenow': Math.round(column.width),
    'aria-valuemin': column.min,
    'aria-valuemax': maximumWidth,
    'aria-valuetext': pixels,
    onKeyDown,
  });
}

export interface HeaderCellProps<S extends string> {
  readonly header: string;
  /** The header is read by screen readers only (action columns). */
  readonly hiddenHeader?: boolean | undefined;
  readonly sortField?: SortField<S> | undefined;
  readonly sort: SortState<S> | undefined;
  /** Fluent's sizing props of this header: its width style and the resize handle beside it. */
  readonly sizing: Pick<TableHeaderCellProps, 'style' | 'aside'>;
  readonly width: ColumnWidth;
}

/** A column's header: a button that sorts through the API when the column has a sort field, then its resize handle. */
export function HeaderCell<S extends string>({
  header,
  hiddenHeader,
  sortField,
  sort,
  sizing,
  width,
}: HeaderCellProps<S>) {
  const { t } = useLanguage();
  const label = hiddenHeader ? <span className="visually-hidden">{header}</span> : header;
  const aside = keyboardResizable(
    sizing.aside,
    t('tableColumnResize', { name: header }),
    width,
    t('tableColumnWidth', { width: String(Math.round(width.width)) }),
  );
  if (!sort || sortField === undefined) {
    return (
      <TableHeaderCell style={sizing.style} aside={aside}>
        {label}
      </TableHeaderCell>
    );
  }
  const direction = directionOf(sort, sortField);
  return (
    <TableHeaderCell
      style={sizing.style}
      aside={aside}
      sortable
      sortDirection={direction}
      // The API sorts every field it names both ways, so `-field` is a value of its enum when `field` is.
      onClick={() => sort.onChange(direction === 'ascending' ? (`-${sortField}` as S) : sortField)}
    >
      {label}
    </TableHeaderCell>
  );
}
