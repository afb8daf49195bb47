import { z } from "@/lib/zod";
import { COMMENT_MAX } from "@/lib/validation/limits";
import { storableText } from "@/lib/validation/form";
import { COMMENT_STRUCTURE, markdownStructureProblem } from "@/lib/content/structure";

export { COMMENT_MAX };

const body = z
  .string()
  .transform(storableText)
  .pipe(
    z
      .string()
      .trim()
      .min(1, "Write a comment first")
      .max(COMMENT_MAX, `Comments can be at most ${COMMENT_MAX.toLocaleString("en")} characters`)
      // Before rendering: shapes that are cheap to type but costly to format (lib/content/structure.ts).
      .superRefine((text, ctx) => {
        const problem = text.length <= COMMENT_MAX && markdownStructureProblem(text, COMMENT_STRUCTURE);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
  );

/** A new comment; `parentId` makes it a reply (the data layer decides which thread it joins). */
export const commentInputSchema = z.object({
  body,
  parentId: z.string().max(64).regex(/^[\w-]*$/, "Reply to a comment on this story").transform((id) => id || undefined).optional(),
});
export type CommentInput = z.infer<typeof commentInputSchema>;

/** An edit changes the text only. */
export const commentEditSchema = z.object({ body });
export type CommentEdit = z.infer<typeof commentEditSchema>;
