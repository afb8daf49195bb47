import Link from "next/link";
import { cachedStoryComments } from "@/lib/cache/public";
import { Avatar } from "@/components/avatar";
import { CommentComposer } from "@/components/viewer/comment-composer";
import { formatDateTime, pluralize } from "@/components/format";

/** The thread is cached with the page; only the composer (client-side) depends on who is reading. */
export async function CommentsSection({ storyId, storyPath }: { storyId: string; storyPath: string }) {
  const comments = await cachedStoryComments(storyId);
  return (
    <section aria-labelledby="comments-heading" className="space-y-6">
      <h2 id="comments-heading" className="font-serif text-2xl font-bold">
        Comments <span className="text-base font-normal text-stone-500">({pluralize(comments.length, "comment")})</span>
      </h2>
      {comments.length === 0 ? (
        <div className="rounded-xl border border-dashed border-stone-300 p-6 text-center">
          <p className="font-semibold text-stone-800">There are no comments for this story</p>
          <p className="mt-1 text-stone-600">Be the first to respond and start the conversation.</p>
        </div>
      ) : (
        <ol className="space-y-5">
          {comments.map((comment) => (
            <li key={comment.id} id={`comment-${comment.id}`} className="flex gap-3">
              <Avatar name={comment.author.name} size={36} />
              <article className="min-w-0 flex-1">
                <p className="text-sm">
                  <Link href={`/authors/${comment.author.handle}`} className="font-semibold hover:underline">
                    {comment.author.name}
                  </Link>{" "}
                  <time dateTime={comment.createdAt.toISOString()} className="text-stone-500">
                    {formatDateTime(comment.createdAt)}
                  </time>
                </p>
                <div className="prose prose-stone prose-sm mt-1 max-w-none break-words" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
              </article>
            </li>
          ))}
        </ol>
      )}
      <CommentComposer storyId={storyId} storyPath={storyPath} />
    </section>
  );
}
