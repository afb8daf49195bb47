"use client";
import { useEffect, useState } from "react";

/** Copy-link plus share links that need no third-party script. */
export function ShareLinks({ path, title }: { path: string; title: string }) {
  const [copied, setCopied] = useState(false);
  const [origin, setOrigin] = useState("");
  useEffect(() => setOrigin(window.location.origin), []);
  const url = origin + path;
  const encoded = encodeURIComponent(url);
  const text = encodeURIComponent(title);
  const linkClass = "rounded-full px-2 py-1 text-sm text-stone-600 hover:bg-stone-100 hover:text-ink";
  return (
    <div className="flex flex-wrap items-center gap-1" aria-label="Share">
      <button
        type="button"
        className={linkClass}
        onClick={async () => {
          await navigator.clipboard?.writeText(url).catch(() => {});
          setCopied(true);
          setTimeout(() => setCopied(false), 2000);
        }}
      >
        <span aria-live="polite">{copied ? "Link copied" : "Copy link"}</span>
      </button>
      <a className={linkClass} href={`https://twitter.com/intent/tweet?url=${encoded}&text=${text}`} target="_blank" rel="noopener noreferrer">
        X
      </a>
      <a className={linkClass} href={`https://www.facebook.com/sharer/sharer.php?u=${encoded}`} target="_blank" rel="noopener noreferrer">
        Facebook
      </a>
      <a className={linkClass} href={`https://www.linkedin.com/sharing/share-offsite/?url=${encoded}`} target="_blank" rel="noopener noreferrer">
        LinkedIn
      </a>
    </div>
  );
}
