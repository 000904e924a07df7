/**
 * A chart (or map) with what every chart owes its reader (DESIGN §8): a heading, a switch to a
 * table of the same numbers, a CSV download of them, and a text alternative (given by the caller
 * to the chart itself). The table and the CSV come from one list of rows, so they cannot disagree.
 */
import { type ReactNode, useId, useState } from "react";
import { useLanguage } from "../i18n/language.tsx";
import { type CsvValue, downloadText, toCsv } from "../lib/csv.ts";

export interface FigureTable {
  readonly header: readonly string[];
  /** Raw values: the CSV gets them as they are, the table through `format`. */
  readonly rows: readonly (readonly CsvValue[])[];
  /** How a cell is shown in the table (column index given); default: as text. */
  readonly format?: (value: CsvValue, column: number, row: number) => ReactNode;
  /** Columns shown right-aligned (numbers). */
  readonly numeric?: readonly boolean[];
  /** Optional link per row for the first column. */
  readonly rowHref?: (row: number) => string | undefined;
}

function Cell({
  table,
  value,
  row,
  column,
}: {
  table: FigureTable;
  value: CsvValue;
  row: number;
  column: number;
}) {
  const shown = table.format
    ? table.format(value, column, row)
    : value === null || value === undefined
      ? "—"
      : String(value);
  const link = column === 0 ? table.rowHref?.(row) : undefined;
  const content = link ? <a href={link}>{shown}</a> : shown;
  if (column === 0) return <th scope="row">{content}</th>;
  return <td className={table.numeric?.[column] ? "num" : undefined}>{content}</td>;
}

export function DataTable({
  table,
  caption,
  testId,
}: {
  table: FigureTable;
  caption: string;
  testId?: string;
}) {
  return (
    <div className="table-scroll">
      <table className="data-table data-table--wrap" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {table.header.map((h, i) => (
              <th key={h} scope="col" className={table.numeric?.[i] ? "num" : undefined}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their order
            <tr key={r}>
              {row.map((v, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are positional
                <Cell key={c} table={table} value={v} row={r} column={c} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface FigureProps {
  readonly title: string;
  readonly intro?: ReactNode;
  readonly controls?: ReactNode;
  readonly table: FigureTable | undefined;
  /** File name of the CSV download, without extension. */
  readonly filename: string;
  readonly children: ReactNode;
  readonly footer?: ReactNode;
  readonly testId?: string;
  /** Start with the table (for figures whose table is the main view). */
  readonly tableFirst?: boolean;
}

export function Figure({
  title,
  intro,
  controls,
  table,
  filename,
  children,
  footer,
  testId,
  tableFirst,
}: FigureProps) {
  const { t } = useLanguage();
  const headingId = useId();
  const [asTable, setAsTable] = useState(tableFirst ?? false);
  return (
    <section className="card" aria-labelledby={headingId} data-testid={testId}>
      <div className="card__head">
        <h2 id={headingId}>{title}</h2>
        {table ? (
          <div className="figure-tools">
            <button
              type="button"
              className="button-secondary"
              aria-pressed={asTable}
              onClick={() => setAsTable((v) => !v)}
              data-testid={testId ? `${testId}-toggle` : undefined}
            >
              {asTable ? t.showChart : t.showTable}
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => downloadText(`${filename}.csv`, toCsv(table.header, table.rows))}
              data-testid={testId ? `${testId}-csv` : undefined}
            >
              {t.downloadCsv}
              <span className="visually-hidden">: {title}</span>
            </button>
          </div>
        ) : null}
      </div>
      {intro ? <p className="card__intro">{intro}</p> : null}
      {controls ? <div className="controls">{controls}</div> : null}
      {asTable && table ? (
        <DataTable table={table} caption={title} testId={testId ? `${testId}-table` : undefined} />
      ) : (
        children
      )}
      {footer}
    </section>
  );
}
