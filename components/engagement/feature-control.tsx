"use client";
import { useState, useTransition } from "react";
import { setFeaturedAction } from "@/lib/actions/engagement";
import { useViewer } from "@/components/viewer/viewer-provider";
import { can } from "@/lib/auth/permissions";

/** Admins only (the server checks again): put this story in the home page's Top Stories, with a note. */
export function FeatureControl({ storyId }: { storyId: string }) {
  const { viewer } = useViewer();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  if (!can(viewer, "story:feature")) return null;

  const submit = (featured: boolean) =>
    startTransition(async () => {
      const result = await setFeaturedAction(storyId, featured, note);
      setMessage(result.ok ? (featured ? "Featured on the home page." : "No longer featured.") : result.message);
      if (result.ok) setOpen(false);
    });

  return (
    <div className="ml-auto flex flex-wrap items-center gap-2 text-sm">
      {open ? (
        <>
          <label htmlFor="feature-note" className="sr-only">
            Why feature it? (optional)
          </label>
          <input id="feature-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} placeholder="Why feature it? (optional)" className="input w-56 py-1 text-sm" />
          <button type="button" className="btn-primary py-1" disabled={pending} onClick={() => submit(true)}>
            {pending ? "Featuring…" : "Feature"}
          </button>
          <button type="button" className="btn-secondary py-1" disabled={pending} onClick={() => submit(false)}>
            Unfeature
          </button>
        </>
      ) : (
        <button type="button" className="btn-secondary py-1" onClick={() => setOpen(true)}>
          Feature…
        </button>
      )}
      {message ? <span role="status">{message}</span> : null}
    </div>
  );
}
