"use client";
import { useState, useTransition } from "react";
import { setCommentsEnabledAction } from "@/lib/actions/moderation";
import { FormMessage } from "@/components/forms/field";

/** The studio's comments switch for the creator's own story; says so when a moderator has locked the conversation. */
export function CommentsSwitch({ storyId, enabled: initial, locked }: { storyId: string; enabled: boolean; locked: boolean }) {
  const [enabled, setEnabled] = useState(initial);
  const [message, setMessage] = useState<{ text: string; tone: "error" | "success" } | null>(null);
  const [pending, startTransition] = useTransition();
  const toggle = () =>
    startTransition(async () => {
      const result = await setCommentsEnabledAction(storyId, !enabled);
      if (result.ok) setEnabled(!enabled);
      setMessage(result.ok ? { text: enabled ? "Comments are off." : "Comments are on.", tone: "success" } : { text: result.message ?? "Please try again.", tone: "error" });
    });
  return (
    <div className="space-y-2">
      <FormMessage message={message?.text} tone={message?.tone} />
      <p className="text-sm text-stone-600">
        {enabled ? "Readers can comment on this story." : "Comments are turned off: existing comments stay, nobody can add new ones."}
        {locked ? " A moderator has locked the conversation, so nobody can comment until they unlock it." : ""}
      </p>
      <button type="button" className="btn-secondary" disabled={pending} onClick={toggle}>
        {pending ? "Saving…" : enabled ? "Turn comments off" : "Turn comments on"}
      </button>
    </div>
  );
}
