"use server";
// Account moderation: restrictions, roles, trust, appeals, and marking notifications read.
import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { liftRestriction, restrictUser } from "@/lib/data/restrictions";
import { answerAppeal, createAppeal } from "@/lib/data/appeals";
import { setUserRole, setUserTrust } from "@/lib/data/admin-users";
import { clearEmailStop } from "@/lib/data/email-events";
import { markMyNotificationsRead } from "@/lib/data/notifications";
import { answerAppealSchema, appealSchema, liftSchema, restrictFormSchema, roleSchema, TRUST_CHOICES, trustSchema } from "@/lib/validation/moderation";
import { idSchema } from "@/lib/validation/ids";
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";
import { changeTags } from "@/lib/cache/tags";

const notFound = "We couldn't find that account.";

/** Staff: restricts the account from /admin/users/[id]. */
export async function restrictUserAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { userId },
    notFound,
    input: restrictFormSchema,
    run: ({ viewer, ids, input }) => restrictUser(viewer, ids.userId, input),
    expire: ({ changes }) => changeTags(changes),
    refresh: true,
    done: (_restricted, { values }) => ({ ok: true, message: "Restriction applied. The user has been notified.", values: { kind: values.kind, expiry: values.expiry } }),
  });
}

/** Staff: ends a restriction early. */
export async function liftRestrictionAction(restrictionId: string, userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { restrictionId, userId },
    notFound: "We couldn't find that restriction.",
    input: liftSchema,
    run: ({ viewer, ids, input }) => liftRestriction(viewer, ids.restrictionId, input.reason),
    expire: ({ changes }) => changeTags(changes),
    refresh: true,
  });
}

/** Admins: changes someone's role. */
export async function setRoleAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { userId },
    notFound,
    input: roleSchema,
    run: ({ viewer, ids, input }) => setUserRole(viewer, ids.userId, input.role, input.reason),
    refresh: true,
    done: (_saved, { input }) => ({ ok: true, message: "Role saved.", values: { role: input.role } }),
  });
}

/** Admins: lets mail go to someone's address again after a bounce or complaint stopped it. */
export async function clearEmailStopAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { userId },
    notFound,
    input: liftSchema,
    run: ({ viewer, ids, input }) => clearEmailStop(viewer, ids.userId, input.reason),
    refresh: true,
    done: () => ({ ok: true, message: "Email to this address is back on." }),
  });
}

/** Admins: overrides someone's trust. */
export async function setTrustAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { userId },
    notFound,
    input: trustSchema,
    run: ({ viewer, ids, input }) => setUserTrust(viewer, ids.userId, TRUST_CHOICES.find((c) => c.value === input.trust)!.override, input.reason),
    refresh: true,
    done: (_saved, { input }) => ({ ok: true, message: "Trust saved.", values: { trust: input.trust } }),
  });
}

/** The subject of a moderation action: appeals it from /moderation/[actionId]. */
export async function createAppealAction(actionId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { actionId },
    input: appealSchema,
    run: ({ viewer, ids, input }) => createAppeal(viewer, ids.actionId, input.text),
    refresh: true,
  });
}

/** Admins: answers an appeal from /admin/appeals. */
export async function answerAppealAction(appealId: string, _prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    ids: { appealId },
    input: answerAppealSchema,
    run: ({ viewer, ids, input }) => answerAppeal(viewer, ids.appealId, input),
    expire: ({ changes }) => changeTags(changes),
    refresh: true,
  });
}

/** The signed-in user: marks the notifications they have just seen as read. */
export async function markNotificationsReadAction(ids: string[]): Promise<void> {
  const parsed = z.array(idSchema).max(100).safeParse(ids);
  if (!parsed.success) return;
  await markMyNotificationsRead(await getViewer(), parsed.data).catch(() => undefined);
}
