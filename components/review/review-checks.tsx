import type { ReviewCheck } from "@/lib/data/review";

const tone = {
  pass: { icon: "✓", className: "bg-emerald-50 text-emerald-800 ring-emerald-200", word: "Pass" },
  fail: { icon: "✗", className: "bg-red-50 text-red-800 ring-red-200", word: "Fail" },
  info: { icon: "–", className: "bg-stone-100 text-stone-700 ring-stone-200", word: "Note" },
} as const;

/** The automatic checks as small pills (compact) or as a list with their details. */
export function ReviewChecks({ checks, compact = false }: { checks: ReviewCheck[]; compact?: boolean }) {
  if (compact) {
    return (
      <ul className="flex flex-wrap gap-1.5" aria-label="Checks">
        {checks.map((check) => (
          <li key={check.key} title={check.detail} className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${tone[check.result].className}`}>
            <span aria-hidden="true">{tone[check.result].icon}</span>
            <span>{check.label}</span>
            <span className="sr-only">: {tone[check.result].word}. {check.detail}</span>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul className="divide-y divide-stone-200 rounded-xl border border-stone-200" aria-label="Checks">
      {checks.map((check) => (
        <li key={check.key} className="flex items-start gap-3 px-3 py-2 text-sm">
          <span className={`mt-0.5 inline-flex size-5 shrink-0 items-center justify-center rounded-full text-xs font-bold ring-1 ring-inset ${tone[check.result].className}`} aria-hidden="true">
            {tone[check.result].icon}
          </span>
          <span className="min-w-0">
            <span className="font-semibold">{check.label}</span>
            <span className="sr-only"> ({tone[check.result].word})</span>
            <span className="block text-stone-600">{check.detail}</span>
          </span>
        </li>
      ))}
    </ul>
  );
}
