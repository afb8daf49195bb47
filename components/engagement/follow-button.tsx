"use client";
import { useEffect, useState } from "react";
import { setFollowAction } from "@/lib/actions/engagement";
import { useViewer } from "@/components/viewer/viewer-provider";
import { useViewerState } from "@/components/viewer/use-viewer-state";
import { ToggleButton } from "@/components/engagement/toggle-button";

/** Follow a creator (not shown on your own profile). */
export function FollowButton({ creatorId, creatorName, returnTo }: { creatorId: string; creatorName: string; returnTo: string }) {
  const { viewer } = useViewer();
  const server = useViewerState({ creatorId });
  const [mine, setMine] = useState<boolean | undefined>();
  useEffect(() => setMine(undefined), [server]);
  if (viewer?.id === creatorId) return null;
  return (
    <ToggleButton
      on={mine ?? server?.following ?? null}
      send={async (next) => setFollowAction(creatorId, next)}
      onSettled={(following) => setMine(following)}
      label={(on) => (on ? "Following" : `Follow ${creatorName}`)}
      icon={(on) => <span aria-hidden="true">{on ? "✓" : "+"}</span>}
      signInPrompt={`Sign in to follow ${creatorName}`}
      returnTo={returnTo}
    />
  );
}
