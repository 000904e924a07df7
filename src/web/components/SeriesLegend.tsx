/**
 * A legend in HTML rather than inside the chart: it wraps on narrow screens, is read by screen
 * readers and can be selected and copied. Each entry shows the line's colour and dash.
 */
import { type SeriesStyle, seriesStyle, TARGET_STYLE } from "../lib/series.ts";

export interface LegendEntry {
  readonly code: string;
  readonly name: string;
  readonly isDemo: boolean;
}

function Marker({ style }: { style: SeriesStyle }) {
  const { color, symbol } = style;
  switch (symbol) {
    case "triangle":
      return <path d="M14 1.5 L18.5 9.5 L9.5 9.5 Z" fill={color} />;
    case "rect":
      return <rect x="10.5" y="2.5" width="7" height="7" fill={color} />;
    case "diamond":
      return <path d="M14 1 L19 6 L14 11 L9 6 Z" fill={color} />;
    case "emptyCircle":
      return <circle cx="14" cy="6" r="3.2" fill="#fff" stroke={color} strokeWidth="1.8" />;
    default:
      return <circle cx="14" cy="6" r="3.5" fill={color} />;
  }
}

function LineSwatch({ style }: { style: SeriesStyle }) {
  return (
    <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
      <line
        x1="1"
        y1="6"
        x2="27"
        y2="6"
        stroke={style.color}
        strokeWidth="3"
        strokeDasharray={style.dashed ? "5 4" : undefined}
      />
      <Marker style={style} />
    </svg>
  );
}

function TargetSwatch() {
  return (
    <svg width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" focusable="false">
      <path d="M14 0 L20 6 L14 12 L8 6 Z" fill={TARGET_STYLE.color} />
    </svg>
  );
}

export function SeriesLegend({
  entries,
  targetLabel,
}: {
  entries: readonly LegendEntry[];
  targetLabel?: string;
}) {
  return (
    <ul className="legend" data-testid="chart-legend">
      {entries.map((e) => {
        const style = seriesStyle(e.code, e.isDemo);
        return (
          <li key={e.code} className={e.isDemo ? "legend__item legend__item--demo" : "legend__item"}>
            <LineSwatch style={style} />
            <span>{e.name}</span>
          </li>
        );
      })}
      {targetLabel ? (
        <li className="legend__item">
          <TargetSwatch />
          <span>{targetLabel}</span>
        </li>
      ) : null}
    </ul>
  );
}
