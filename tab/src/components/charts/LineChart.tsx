import { tokens } from '@fluentui/react-components';
import { useId } from 'react';
import { DataTable, type Column } from '../data-table.js';
import { niceMaximum, scale, spreadIndexes } from './chart-scale.js';

export interface ChartSeries {
  readonly label: string;
  /** One value per category (day), null where there is no point. */
  readonly values: readonly (number | null)[];
  /** Dashed: a limit (what was bought) rather than a measure. */
  readonly dashed?: boolean;
}

export interface LineChartProps {
  readonly title: string;
  /** Describes the chart for screen readers beside its title (what the lines show). */
  readonly description: string;
  readonly categories: readonly string[];
  readonly categoryLabel: string;
  readonly series: readonly ChartSeries[];
  readonly valueLabel: string;
  readonly formatValue: (value: number) => string;
  readonly formatCategory: (category: string) => string;
  /** The top of the value axis for the largest value (default: 1, 2 or 5 times a power of ten). */
  readonly axisMaximum?: (largest: number) => number;
}

const width = 640;
const height = 240;
const margin = { top: 12, right: 16, bottom: 44, left: 76 };
const colours = [
  tokens.colorBrandForeground1,
  tokens.colorPaletteDarkOrangeForeground1,
  tokens.colorNeutralForeground3,
];

interface Row {
  category: string;
  values: (number | null)[];
}

/**
 * A line chart drawn as SVG with labelled axes, a legend and a title, followed by the same figures as a table:
 * the table is what screen readers and keyboard users read, the drawing is `role="img"` with a name.
 */
export function LineChart(props: LineChartProps) {
  const id = useId();
  const { categories, series } = props;
  const max = (props.axisMaximum ?? niceMaximum)(
    Math.max(0, ...series.flatMap((line) => line.values.filter((v): v is number => v !== null))),
  );
  const plotWidth = width - margin.left - margin.right;
  const plotBottom = height - margin.bottom;
  const x = (index: number) =>
    margin.left + (categories.length <= 1 ? plotWidth / 2 : (plotWidth * index) / (categories.length - 1));
  const y = (value: number) => scale(value, max, plotBottom, margin.top);
  const rows: Row[] = categories.map((category, index) => ({
    category,
    values: series.map((line) => line.values[index] ?? null),
  }));
  const columns: Column<Row>[] = [
    { id: 'category', header: props.categoryLabel, cell: (row) => props.formatCategory(row.category) },
    ...series.map((line, index) => ({
      id: `series-${index}`,
      header: line.label,
      cell: (row: Row) => {
        const value = row.values[index];
        return value === null || value === undefined ? '–' : props.formatValue(value);
      },
    })),
  ];
  return (
    <figure style={{ margin: 0, display: 'flex', flexDirection: 'column', gap: 8 }}>
      <figcaption id={`${id}-title`} style={{ fontWeight: 600 }}>
        {props.title}
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-svg-desc`}
        style={{ width: '100%', maxWidth: width }}
      >
        <title id={`${id}-svg-title`}>{props.title}</title>
        <desc id={`${id}-svg-desc`}>{props.description}</desc>
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line
              x1={margin.left}
              x2={width - margin.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke="currentColor"
              opacity={0.2}
            />
            <text
              x={margin.left - 6}
              y={y(tick)}
              textAnchor="end"
              dominantBaseline="middle"
              fontSize={11}
              fill="currentColor"
            >
              {props.formatValue(tick)}
            </text>
          </g>
        ))}
        <line x1={margin.left} x2={margin.left} y1={margin.top} y2={plotBottom} stroke="currentColor" />
        <line x1={margin.left} x2={width - margin.right} y1={plotBottom} y2={plotBottom} stroke="currentColor" />
        {spreadIndexes(categories.length, 5).map((index) => (
          <text key={index} x={x(index)} y={plotBottom + 16} textAnchor="middle" fontSize={11} fill="currentColor">
            {props.formatCategory(categories[index] ?? '')}
          </text>
        ))}
        <text x={margin.left + plotWidth / 2} y={height - 6} textAnchor="middle" fontSize={12} fill="currentColor">
          {props.categoryLabel}
        </text>
        <text
          transform={`translate(14 ${(margin.top + plotBottom) / 2}) rotate(-90)`}
          textAnchor="middle"
          fontSize={12}
          fill="currentColor"
        >
          {props.valueLabel}
        </text>
        {series.map((line, index) => {
          const drawn = line.values.flatMap((value, at) => (value === null ? [] : [{ at, value }]));
          const colour = colours[index % colours.length];
          return (
            <g key={line.label} stroke={colour} fill={colour}>
              <polyline
                points={drawn.map((point) => `${x(point.at)},${y(point.value)}`).join(' ')}
                fill="none"
                strokeWidth={2}
                strokeDasharray={line.dashed ? '6 4' : undefined}
              />
              {drawn.map((point) => (
                <circle key={point.at} cx={x(point.at)} cy={y(point.value)} r={3} />
              ))}
            </g>
          );
        })}
      </svg>
      <ul aria-hidden="true" style={{ display: 'flex', gap: 16, listStyle: 'none', margin: 0, padding: 0 }}>
        {series.map((line, index) => (
          <li key={line.label}>
            <span
              style={{
                display: 'inline-block',
                width: 24,
                marginRight: 6,
                verticalAlign: 'middle',
                borderTop: `3px ${line.dashed ? 'dashed' : 'solid'} ${colours[index % colours.length]}`,
              }}
            />
            {line.label}
          </li>
        ))}
      </ul>
      <DataTable labelledBy={`${id}-title`} columns={columns} rows={rows} rowKey={(row) => row.category} />
    </figure>
  );
}
