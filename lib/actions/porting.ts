"use server";
import { redirect } from "next/navigation";
import { startImport } from "@/lib/data/imports";
import { importInputSchema } from "@/lib/validation/porting";
import type { FormState } from "@/lib/validation/form";
import { formAction } from "@/lib/actions/action";

/** Uploads a file to import and queues the import (`site`: an admin's whole-site import); its progress page follows. */
function startImportFrom(form: FormData, site: boolean): Promise<FormState> {
  return formAction(form, {
    input: (values, data) => importInputSchema.safeParse({ ...values, file: data?.get("file") }),
    run: async ({ viewer, input }) => startImport(viewer, { format: input.format, community: input.community, dryRun: input.dryRun, fileName: input.file.name, bytes: new Uint8Array(await input.file.arrayBuffer()), site }),
    done: ({ id }) => redirect(`/settings/data/imports/${id}`),
  });
}

/** A creator uploads their own stories to import. */
export async function startImportAction(_prev: FormState, form: FormData): Promise<FormState> {
  return startImportFrom(form, false);
}

/** An admin uploads another platform's whole site (Ghost, WordPress): authors become members, comments come along. */
export async function startSiteImportAction(_prev: FormState, form: FormData): Promise<FormState> {
  return startImportFrom(form, true);
}
