"use server";
// Account moderation: restrictions, roles, trust, appeals, and marking notifications read.
import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { liftRestriction, restrictUser } from "@/lib/data/restrictions";
import { answerAppeal, createAppeal } from "@/lib/data/appeals";
import { setUserRole, setUserTrust } from "@/lib/data/admin-users";
import { markMyNotificationsRead } from "@/lib/data/notifications";
import { answerAppealSchema, appealSchema, liftSchema, restrictFormSchema, roleSchema, TRUST_CHOICES, trustSchema } from "@/lib/validation/moderation";
import { idSchema } from "@/lib/validation/ids";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import { expireTags } from "@/lib/cache/tags";
import { revalidatePath } from "next/cache";


/** Staff: restricts the account from /admin/users/[id]. */
export async function restrictUserAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = restrictFormSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    const { expire } = await restrictUser(await getViewer(), idSchema.parse(userId), input.data);
    expireTags(...expire);
  } catch (error) {
    return formError(error, values);
  }
  revalidatePath(`/admin/users/${userId}`);
  return { ok: true, message: "Restriction applied. The user has been notified.", values: { kind: values.kind, expiry: values.expiry } };
}

/** Staff: ends a restriction early. */
export async function liftRestrictionAction(restrictionId: string, userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = liftSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    const { expire } = await liftRestriction(await getViewer(), idSchema.parse(restrictionId), input.data.reason);
    expireTags(...expire);
  } catch (error) {
    return formError(error, values);
  }
  revalidatePath(`/admin/users/${userId}`);
  return { ok: true };
}

/** Admins: changes someone's role. */
export async function setRoleAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = roleSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    await setUserRole(await getViewer(), idSchema.parse(userId), input.data.role, input.data.reason);
  } catch (error) {
    return formError(error, values);
  }
  revalidatePath(`/admin/users/${userId}`);
  return { ok: true, message: "Role saved.", values: { role: input.data.role } };
}

/** Admins: overrides someone's trust. */
export async function setTrustAction(userId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = trustSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  const override = TRUST_CHOICES.find((c) => c.value === input.data.trust)!.override;
  try {
    await setUserTrust(await getViewer(), idSchema.parse(userId), override, input.data.reason);
  } catch (error) {
    return formError(error, values);
  }
  revalidatePath(`/admin/users/${userId}`);
  return { ok: true, message: "Trust saved.", values: { trust: input.data.trust } };
}

/** The subject of a moderation action: appeals it from /moderation/[actionId]. */
export async function createAppealAction(actionId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = appealSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    await createAppeal(await getViewer(), idSchema.parse(actionId), input.data.text);
  } catch (error) {
    return formError(error, values);
  }
  revalidatePath(`/moderation/${actionId}`);
  return { ok: true };
}

/** Admins: answers an appeal from /admin/appeals. */
export async function answerAppealAction(appealId: string, _prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form);
  const input = answerAppealSchema.safeParse(values);
  if (!input.success) return { fieldErrors: fieldErrorsOf(input.error), values };
  try {
    const { expire } = await answerAppeal(await getViewer(), idSchema.parse(appealId), input.data);
    expireTags(...expire);
  } catch (error) {
    return formError(error, values);
  }
  revalidatePath("/admin/appeals");
  return { ok: true };
}

/** The signed-in user: marks the notifications they have just seen as read. */
export async function markNotificationsReadAction(ids: string[]): Promise<void> {
  const parsed = z.array(idSchema).max(100).safeParse(ids);
  if (!parsed.success) return;
  await markMyNotificationsRead(await getViewer(), parsed.data).catch(() => undefined);
}
