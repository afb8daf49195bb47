import { pluralize } from "@/components/format";

/** Reads per day as a small line chart (inline SVG, no script). The label carries the numbers for screen readers. */
export function Sparkline({ counts, width = 120, height = 32 }: { counts: number[]; width?: number; height?: number }) {
  const total = counts.reduce((sum, n) => sum + n, 0);
  const max = Math.max(1, ...counts);
  const step = counts.length > 1 ? width / (counts.length - 1) : width;
  const pad = 2;
  const points = counts.map((n, i) => [i * step, pad + (height - 2 * pad) * (1 - n / max)] as const);
  const line = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
  const label = `Reads over the last ${counts.length} days: ${pluralize(total, "read")}, at most ${Math.max(0, ...counts)} a day`;
  return (
    <svg role="img" aria-label={label} width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="shrink-0 overflow-visible text-emerald-600">
      <title>{label}</title>
      <line x1={0} y1={height - pad} x2={width} y2={height - pad} className="stroke-stone-200" strokeWidth={1} />
      <polygon points={`0,${height - pad} ${line} ${width},${height - pad}`} className="fill-emerald-100" />
      <polyline points={line} fill="none" stroke="currentColor" strokeWidth={1.5} strokeLinejoin="round" strokeLinecap="round" />
      {points.length ? <circle cx={points[points.length - 1][0]} cy={points[points.length - 1][1]} r={2.5} fill="currentColor" /> : null}
    </svg>
  );
}
