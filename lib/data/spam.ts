import "server-only";
import { db } from "@/lib/db";
import { isStaff, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getSiteSettings } from "@/lib/data/settings";
import { isNewAccount } from "@/lib/data/trust";
import { consumeRateLimit, RATE_RULES } from "@/lib/data/rate-limits";
import { countLinks, findBlockedWord, NEW_ACCOUNT_LINKS_PER_COMMENT } from "@/lib/content/spam";

/**
 * Internal (createComment and editComment, after their permission check): the blocklist and the
 * link limit for new accounts; with `countAttempt`, the comment rate limits too. Throws INVALID
 * with a field error, or RATE_LIMITED. Staff are exempt: they are who the limits answer to.
 */
export async function checkCommentSpam(viewer: Viewer, body: string, { countAttempt = true } = {}): Promise<void> {
  if (isStaff(viewer)) return;
  const userId = viewer.id;
  const [settings, isNew] = await Promise.all([getSiteSettings(), isNewAccount(db, userId)]);
  const blocked = findBlockedWord(body, settings.blockedWords);
  if (blocked) throw new AppError("INVALID", "This comment can't be posted as it is.", { body: [`“${blocked}” isn't allowed on Storyhouse. Please reword your comment.`] });
  if (isNew && countLinks(body) > NEW_ACCOUNT_LINKS_PER_COMMENT) {
    throw new AppError("INVALID", "This comment has too many links.", { body: [`New accounts can include up to ${NEW_ACCOUNT_LINKS_PER_COMMENT} links in a comment.`] });
  }
  if (!countAttempt) return;
  await consumeRateLimit(`comment:${userId}`, RATE_RULES.comment);
  if (isNew) await consumeRateLimit(`comment-new:${userId}`, RATE_RULES.commentNewAccount);
}
