import { z } from "zod";

export const COMMENT_MAX = 2000;

export const commentInputSchema = z.object({
  body: z.string().trim().min(1, "Write a comment first").max(COMMENT_MAX, `Comments can be at most ${COMMENT_MAX.toLocaleString("en")} characters`),
});
export type CommentInput = z.infer<typeof commentInputSchema>;
