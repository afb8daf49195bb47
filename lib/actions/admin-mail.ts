"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { getViewer } from "@/lib/auth/session";
import { retryDeadJobAsAdmin } from "@/lib/data/admin-mail";
import { formValues, type FormState } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";

const retrySchema = z.object({ jobId: z.string().regex(/^\d{1,18}$/) });

/** Admins: runs a job from the dead-letter list again, now. */
export async function retryDeadJobAction(_prev: FormState, form: FormData): Promise<FormState> {
  const input = retrySchema.safeParse(formValues(form));
  if (!input.success) return { message: "That job is not on the list." };
  try {
    await retryDeadJobAsAdmin(await getViewer(), input.data.jobId);
  } catch (error) {
    return formError(error);
  }
  revalidatePath("/admin/mail");
  return { ok: true, message: "Queued again." };
}
