"use client";
import { useEffect, useState } from "react";
import { formatDate } from "@/components/format";

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** "2 hours ago", "yesterday", "3 weeks ago": how long before `now` (or after, for a future time). */
export function relativeTime(at: Date, now: number): string {
  const seconds = Math.round((at.getTime() - now) / 1000);
  if (Math.abs(seconds) < 60) return "just now";
  const [unit, size] = units.find(([, size]) => Math.abs(seconds) >= size) ?? units[units.length - 1];
  return relative.format(Math.round(seconds / size), unit);
}

/**
 * A time as readers think of it: relative ("2 hours ago"), with the exact time in the reader's own
 * time zone on hover. The server (and the cached HTML) renders the plain date in UTC, which can't
 * disagree with anything; the browser swaps in the relative text after hydration.
 */
export function RelativeTime({ date }: { date: Date | string }) {
  const at = typeof date === "string" ? new Date(date) : date;
  const [local, setLocal] = useState<{ text: string; title: string } | null>(null);
  useEffect(() => {
    const update = () =>
      setLocal({
        text: relativeTime(at, Date.now()),
        title: new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" }).format(at),
      });
    update();
    const timer = setInterval(update, 60_000);
    return () => clearInterval(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- keyed by the instant, not the object
  }, [at.getTime()]);
  return (
    <time dateTime={at.toISOString()} title={local?.title} suppressHydrationWarning>
      {local?.text ?? formatDate(at)}
    </time>
  );
}
