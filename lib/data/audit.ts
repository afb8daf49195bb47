import "server-only";
import type { Prisma } from "@/lib/db";
import type { ModerationActionKind, ModerationTarget } from "@/lib/generated/prisma/enums";

export type AuditEntry = {
  /** Who did it; null for the system (a restriction expiring, a scheduled story going live). */
  actorId: string | null;
  action: ModerationActionKind;
  targetType: ModerationTarget;
  targetId: string;
  /** Whose content or account it was about: they see the entry in their studio and may appeal it. */
  subjectUserId?: string | null;
  reason: string;
  details?: Prisma.InputJsonValue;
  expiresAt?: Date | null;
  restrictionId?: string | null;
};

/**
 * Inside the transaction that makes the change: records it in the audit log, so the log and the
 * change commit or fail together. Returns the entry's id (appeals point at it).
 */
export async function recordAction(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<string> {
  const { id } = await tx.moderationAction.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      targetType: entry.targetType,
      targetId: entry.targetId,
      subjectUserId: entry.subjectUserId ?? null,
      reason: entry.reason,
      details: entry.details ?? {},
      expiresAt: entry.expiresAt ?? null,
      restrictionId: entry.restrictionId ?? null,
    },
    select: { id: true },
  });
  return id;
}

/**
 * Entries a member's own account changes leave in the log (their email, their deletion): for
 * staff reading the log, not decisions about the member, so their "moderation" list leaves them out.
 */
export const ACCOUNT_SELF_SERVICE_ACTIONS: ModerationActionKind[] = ["EMAIL_CHANGE", "EMAIL_STOP_CLEAR", "ACCOUNT_DELETION_REQUEST", "ACCOUNT_DELETION_CANCEL", "ACCOUNT_DELETE"];
