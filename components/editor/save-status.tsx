import type { SaveState } from "@/components/editor/use-story-saver";

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });

/** What the save indicator says in each state ("" when there is nothing to say). */
export function saveStateText(state: SaveState, dirty: boolean): string {
  switch (state.kind) {
    case "saving":
      return "Saving…";
    case "saved":
      return dirty ? "Unsaved changes" : `Saved ${timeFormat.format(state.at)}`;
    case "offline":
      return "Offline — changes kept on this device";
    case "signed-out":
      return "Signed out — changes kept on this device";
    case "waiting":
      return state.reason;
    case "error":
      return "Not saved — changes kept on this device";
    case "conflict":
      return "Not saved — changed elsewhere";
    default:
      return dirty ? "Unsaved changes" : "";
  }
}

/** The editor's save state, read out politely as it changes; signed out, a way back in (a new tab keeps this one's text). */
export function SaveIndicator({ state, dirty }: { state: SaveState; dirty: boolean }) {
  return (
    <p className="flex items-center gap-2 text-stone-600" data-testid="save-state" aria-live="polite">
      <span>{saveStateText(state, dirty)}</span>
      {state.kind === "signed-out" ? (
        <a href="/signin?callbackUrl=%2Fstudio" target="_blank" rel="noopener" className="link font-semibold">
          Sign in again
        </a>
      ) : null}
    </p>
  );
}

/** Two versions of the story and the creator's choice between them. */
export function ChoiceBox({ title, detail, mine, theirs, onMine, onTheirs }: { title: string; detail: string; mine: string; theirs: string; onMine: () => void; onTheirs: () => void }) {
  return (
    <div role="alert" className="space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950">
      <p className="font-semibold">{title}</p>
      <p>{detail}</p>
      <div className="flex flex-wrap gap-2">
        <button type="button" className="btn-primary" onClick={onMine}>
          {mine}
        </button>
        <button type="button" className="btn-secondary" onClick={onTheirs}>
          {theirs}
        </button>
      </div>
    </div>
  );
}
