"use server";
import { z } from "zod";
import { retryDeadJobAsAdmin } from "@/lib/data/admin-mail";
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";

const retrySchema = z.object({ jobId: z.string().regex(/^\d{1,18}$/, "That job is not on the list.") });

/** Admins: runs a job from the dead-letter list again, now. */
export async function retryDeadJobAction(_prev: FormState, form: FormData): Promise<FormState> {
  return formAction(form, {
    input: retrySchema,
    run: ({ viewer, input }) => retryDeadJobAsAdmin(viewer, input.jobId),
    refresh: true,
    done: () => ({ ok: true, message: "Queued again." }),
  });
}
