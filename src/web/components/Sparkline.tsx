/**
 * A small line of a series' recent values, decorative: the values it draws are given in text beside
 * it, so it is hidden from assistive technology.
 */
export function Sparkline({
  values,
  width = 120,
  height = 32,
  color = "#1d4ed8",
}: {
  values: readonly (number | null)[];
  width?: number;
  height?: number;
  color?: string;
}) {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (known.length < 2) return null;
  const min = Math.min(...known);
  const max = Math.max(...known);
  const span = max - min || 1;
  const step = width / Math.max(values.length - 1, 1);
  const points = values
    .map((v, i) =>
      v === null
        ? null
        : `${(i * step).toFixed(1)},${(height - 3 - ((v - min) / span) * (height - 6)).toFixed(1)}`,
    )
    .filter((p): p is string => p !== null);
  const last = points[points.length - 1]?.split(",") ?? ["0", "0"];
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      aria-hidden="true"
      focusable="false"
    >
      <polyline points={points.join(" ")} fill="none" stroke={color} strokeWidth="2" strokeLinejoin="round" />
      <circle cx={last[0]} cy={last[1]} r="2.5" fill={color} />
    </svg>
  );
}
