"use client";
import { IntentLink } from "@/components/intent-link";
import { useOptimistic, useState, useTransition, type ReactNode } from "react";
import { useViewer } from "@/components/viewer/viewer-provider";

type ToggleProps = {
  /** Server truth (null while unknown). */
  on: boolean | null;
  count?: number | null;
  /** Sends the change; resolves to the server's state or a message. */
  send: (next: boolean) => Promise<{ ok: true; count?: number } | { ok: false; message: string }>;
  onSettled: (on: boolean, count?: number) => void;
  label: (on: boolean) => string;
  icon: (on: boolean) => ReactNode;
  signInPrompt: string;
  returnTo: string;
  className?: string;
};

/**
 * A heart/bookmark/follow toggle: flips at once (optimistic), sends the change, and rolls back
 * with a message if the server refuses. Signed-out readers get a link to sign in instead.
 */
export function ToggleButton({ on, count, send, onSettled, label, icon, signInPrompt, returnTo, className }: ToggleProps) {
  const { loading, viewer } = useViewer();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [optimistic, setOptimistic] = useOptimistic({ on: on ?? false, count: count ?? null }, (_state, next: { on: boolean; count: number | null }) => next);
  const base = `inline-flex items-center gap-1.5 rounded-full border px-3 py-1.5 text-sm font-medium transition-colors ${className ?? ""}`;

  if (!loading && !viewer) {
    return (
      <IntentLink href={`/signin?callbackUrl=${encodeURIComponent(returnTo)}`} className={`${base} border-stone-300 text-stone-700 hover:bg-stone-100`} title={signInPrompt}>
        {icon(false)}
        <span>{label(false)}</span>
        {count != null ? <span className="tabular-nums text-stone-500">{count.toLocaleString("en-US")}</span> : null}
      </IntentLink>
    );
  }

  const toggle = () => {
    const next = !optimistic.on;
    const nextCount = optimistic.count == null ? null : optimistic.count + (next ? 1 : -1);
    setError(null);
    startTransition(async () => {
      setOptimistic({ on: next, count: nextCount });
      const result = await send(next);
      if (result.ok) onSettled(next, result.count);
      else setError(result.message);
    });
  };

  return (
    <span className="inline-flex flex-col items-start">
      <button
        type="button"
        onClick={toggle}
        disabled={loading || on === null}
        aria-pressed={optimistic.on}
        aria-busy={pending}
        className={`${base} ${optimistic.on ? "border-brand-600 bg-brand-50 text-brand-700" : "border-stone-300 text-stone-700 hover:bg-stone-100"} disabled:opacity-60`}
      >
        {icon(optimistic.on)}
        <span>{label(optimistic.on)}</span>
        {optimistic.count != null ? <span className="tabular-nums">{optimistic.count.toLocaleString("en-US")}</span> : null}
      </button>
      {error ? (
        <span role="alert" className="mt-1 text-xs text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
