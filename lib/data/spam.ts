import "server-only";
import { db } from "@/lib/db";
import { isStaff, type Viewer } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getSiteSettings } from "@/lib/data/settings";
import { newAccounts } from "@/lib/data/trust";
import { consumeRateLimits, RATE_RULES, type RateRule } from "@/lib/data/rate-limits";
import { countLinks, findBlockedWord, NEW_ACCOUNT_LINKS_PER_COMMENT } from "@/lib/content/spam";

/**
 * Internal (createComment and editComment, after their permission check): the blocklist and the
 * link limit for new accounts; with `countAttempt`, the comment rate limits too. Throws INVALID
 * with a field error, or RATE_LIMITED. Staff are exempt: they are who the limits answer to.
 */
export async function checkCommentSpam(viewer: Viewer, body: string, { countAttempt = true } = {}): Promise<void> {
  const [refused] = await commentSpamVerdicts([{ viewer, body }], { countAttempt });
  if (refused) throw refused;
}

/** The same checks for several comments at once (createComment's batches): per comment, null or the error. */
export async function commentSpamVerdicts(comments: { viewer: Viewer; body: string }[], { countAttempt = true } = {}): Promise<(AppError | null)[]> {
  const verdicts: (AppError | null)[] = comments.map(() => null);
  const checked = comments.flatMap((comment, i) => (isStaff(comment.viewer) ? [] : [{ ...comment, i }]));
  if (!checked.length) return verdicts;
  const [settings, isNew] = await Promise.all([getSiteSettings(), newAccounts(db, checked.map((c) => c.viewer.id))]);
  const attempts: { key: string; rule: RateRule; i: number }[] = [];
  for (const { viewer, body, i } of checked) {
    const blocked = findBlockedWord(body, settings.blockedWords);
    if (blocked) {
      verdicts[i] = new AppError("INVALID", "This comment can't be posted as it is.", { body: [`“${blocked}” isn't allowed on Storyhouse. Please reword your comment.`] });
    } else if (isNew.has(viewer.id) && countLinks(body) > NEW_ACCOUNT_LINKS_PER_COMMENT) {
      verdicts[i] = new AppError("INVALID", "This comment has too many links.", { body: [`New accounts can include up to ${NEW_ACCOUNT_LINKS_PER_COMMENT} links in a comment.`] });
    } else if (countAttempt) {
      attempts.push({ key: `comment:${viewer.id}`, rule: RATE_RULES.comment, i });
      if (isNew.has(viewer.id)) attempts.push({ key: `comment-new:${viewer.id}`, rule: RATE_RULES.commentNewAccount, i });
    }
  }
  const limited = await consumeRateLimits(attempts);
  attempts.forEach(({ i }, n) => (verdicts[i] ??= limited[n]));
  return verdicts;
}
