"use client";
import { useEffect, useState } from "react";
import { formatDateTime } from "@/components/format";

/** "3 days 4 hours", "12 minutes 5 seconds": what is left until `at` (the largest two units). */
export function timeLeft(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const parts: [number, string][] = [
    [Math.floor(total / 86400), "day"],
    [Math.floor((total % 86400) / 3600), "hour"],
    [Math.floor((total % 3600) / 60), "minute"],
    [total % 60, "second"],
  ];
  const first = parts.findIndex(([value]) => value > 0);
  if (first === -1) return "0 seconds";
  return parts
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, unit]) => `${value} ${unit}${value === 1 ? "" : "s"}`)
    .join(" ");
}

/**
 * The deadline in the reader's own time zone, and a live countdown to it. The server (and the
 * cached HTML) shows the time in UTC; the browser swaps in its own zone after hydration.
 */
export function Countdown({ until, label = "Entries close", endedLabel = "Entries closed" }: { until: string; label?: string; endedLabel?: string }) {
  const at = new Date(until);
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const ended = now !== null && now >= at.getTime();
  const local = now === null ? formatDateTime(at) : new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" }).format(at);
  return (
    <div className="rounded-xl border border-stone-200 bg-stone-50 p-4" data-testid="countdown">
      <p className="text-sm font-semibold uppercase tracking-wider text-stone-600">{ended ? endedLabel : label}</p>
      <p className="mt-1 font-serif text-2xl font-bold tabular-nums" aria-live="off" suppressHydrationWarning>
        {now === null ? <time dateTime={at.toISOString()}>{formatDateTime(at)}</time> : ended ? "Deadline passed" : `in ${timeLeft(at.getTime() - now)}`}
      </p>
      <p className="mt-1 text-sm text-stone-600" suppressHydrationWarning>
        <time dateTime={at.toISOString()}>{local}</time>
        {now !== null ? <span className="sr-only"> (your time zone)</span> : null}
      </p>
    </div>
  );
}

/** A time shown in the reader's time zone (UTC until hydrated). */
export function LocalTime({ at }: { at: string }) {
  const date = new Date(at);
  const [text, setText] = useState<string | null>(null);
  useEffect(() => setText(new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" }).format(date)), [at]); // eslint-disable-line react-hooks/exhaustive-deps
  return (
    <time dateTime={date.toISOString()} suppressHydrationWarning>
      {text ?? formatDateTime(date)}
    </time>
  );
}
