import { IntentLink } from "@/components/intent-link";
import type { ReactNode } from "react";
import { Avatar } from "@/components/avatar";
import { formatDateTime } from "@/components/format";

type CommentCardProps = {
  author: { name: string; handle: string; avatarUrl?: string | null };
  /** Absent while the comment is still being posted. */
  createdAt?: Date;
  editedAt?: Date | null;
  children: ReactNode;
};

/** One comment's avatar, byline and body; shared by the cached thread and the viewer's pending comments. */
export function CommentCard({ author, createdAt, editedAt, children }: CommentCardProps) {
  return (
    <article className={`flex gap-3 ${createdAt ? "" : "opacity-60"}`} aria-busy={createdAt ? undefined : true}>
      <Avatar name={author.name} src={author.avatarUrl} size={36} />
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-baseline gap-x-2 text-sm">
          <IntentLink href={`/authors/${author.handle}`} className="font-semibold hover:underline">
            {author.name}
          </IntentLink>
          {createdAt ? (
            <time dateTime={createdAt.toISOString()} className="whitespace-nowrap text-stone-500">
              {formatDateTime(createdAt)}
            </time>
          ) : (
            <span className="text-stone-500">Posting…</span>
          )}
          {editedAt ? (
            <span className="text-stone-500" title={`Edited ${formatDateTime(editedAt)}`}>
              · edited
            </span>
          ) : null}
        </p>
        {children}
      </div>
    </article>
  );
}

const removedLabels = { DELETED: "Comment deleted", MODERATOR: "This comment was hidden by a moderator", CREATOR: "This comment was hidden by the story's creator" } as const;

/** Where a removed comment stood: deleted (kept so its replies stay in place) or hidden, and by whom. */
export function RemovedCommentCard({ status, hiddenBy, children }: { status: "DELETED" | "HIDDEN"; hiddenBy?: "MODERATOR" | "CREATOR"; children?: ReactNode }) {
  return (
    <div className="flex gap-3">
      <span aria-hidden="true" className="size-9 shrink-0 rounded-full border border-dashed border-stone-300" />
      <div className="min-w-0 flex-1 pt-2">
        <p className="text-sm italic text-stone-500">{removedLabels[status === "DELETED" ? "DELETED" : (hiddenBy ?? "MODERATOR")]}</p>
        {children}
      </div>
    </div>
  );
}

const bodyClass = "prose prose-stone dark:prose-invert prose-sm mt-1 max-w-none break-words";

/** A comment's text: its HTML (sanitized when it was saved), or plain text while it is being posted. */
export function CommentBody(props: { html: string } | { text: string }) {
  if ("html" in props) return <div className={bodyClass} dangerouslySetInnerHTML={{ __html: props.html }} />;
  return (
    <div className={bodyClass}>
      <p className="whitespace-pre-wrap">{props.text}</p>
    </div>
  );
}
