import "server-only";
import { getViewer } from "@/lib/auth/session";
import type { SessionViewer } from "@/lib/data/users";
import type { FieldErrors } from "@/lib/errors";
import { refresh } from "next/cache";
import { expireTags } from "@/lib/cache/tags";
import { isId } from "@/lib/validation/ids";
import { fieldErrorsOf, formValues, type FormState, type FormValues } from "@/lib/validation/form";
import { formError } from "@/lib/actions/form-error";
import type { z } from "@/lib/zod";

// The one shape of a server action (docs/architecture.md, "Server actions"): ids bound by the page
// are checked before anything else, the fields are parsed with zod, the viewer is read, the data
// layer is called, what changed is expired, and any failure becomes form state that carries what
// the user typed. What happens after success (a message, a redirect) runs outside the `try`,
// because Next's redirect works by throwing.

/** A parse that failed with messages ready for the form (a zod error, or field errors built by hand). */
export type Invalid = { success: false; error: z.ZodError } | { success: false; fieldErrors: FieldErrors; message?: string };
export type Parsed<T> = { success: true; data: T } | Invalid;

const REQUEST_UNREADABLE = "That request didn't make sense. Please reload the page and try again.";

export type ActionContext<Input, Id extends string> = {
  viewer: SessionViewer | null;
  /** The bound ids, each checked to look like an id (lib/validation/ids.ts). */
  ids: Record<Id, string>;
  input: Input;
  /** What the user typed (secret fields left out): sent back with every failure. */
  values: FormValues;
};

export type FormActionSpec<Input, Result, Id extends string, State extends FormState> = {
  /** Ids bound to the action by the page (still untrusted). One that cannot be an id answers `notFound`. */
  ids?: Record<Id, unknown>;
  notFound?: string;
  /** The fields: a zod schema over the form's values, or a parse of its own (several schemas, repeated fields, bound arguments). */
  input?: z.ZodType<Input> | ((values: FormValues, form: FormData | null) => Parsed<Input>);
  /** Fields never sent back to the browser (passwords). */
  secret?: readonly string[];
  run: (ctx: ActionContext<Input, Id>) => Promise<Result>;
  /** The cache tags the change touched (lib/cache/tags.ts: storyTags, changeTags, …), expired once it succeeded. */
  expire?: (result: Result, ctx: ActionContext<Input, Id>) => string[];
  /**
   * The form lives on a dynamic page (staff and account pages) that must show the change in the
   * action's response even when no cached page changed. (Expiring tags re-renders it anyway.)
   */
  refresh?: boolean;
  /** Reshapes a failure's form state (the error is already mapped: see formError). */
  failed?: (state: FormState, error: unknown, ctx: ActionContext<Input, Id>) => State | Promise<State>;
  /** After success, outside any try: the state to answer with, or a redirect. Default `{ ok: true }`. */
  done?: (result: Result, ctx: ActionContext<Input, Id>) => State | Promise<State>;
};

/** Fails a parse with field errors written by hand (and an optional form-level message). */
export function invalid(fieldErrors: FieldErrors, message?: string): Invalid {
  return { success: false, fieldErrors, message };
}

/** The form state for a failed parse: field errors (a message when none belongs to a field) and what was typed. */
export function invalidState(parsed: Invalid, values?: FormValues): FormState {
  const fieldErrors = "error" in parsed ? fieldErrorsOf(parsed.error) : parsed.fieldErrors;
  const message = "message" in parsed && parsed.message ? parsed.message : Object.keys(fieldErrors).length === 0 ? REQUEST_UNREADABLE : undefined;
  return { fieldErrors, ...(message ? { message } : {}), values };
}

/**
 * Runs a server action in the one shape (see above). `form` is the submitted FormData, plain
 * fields already made storable (the story editor's), or null for an action without fields.
 */
export async function formAction<Input = undefined, Result = unknown, Id extends string = never, State extends FormState = FormState>(
  form: FormData | FormValues | null,
  spec: FormActionSpec<Input, Result, Id, State>,
): Promise<State | FormState> {
  const typed = form instanceof FormData ? formValues(form) : { ...form };
  const values = Object.fromEntries(Object.entries(typed).filter(([name]) => !spec.secret?.includes(name)));
  for (const id of Object.values(spec.ids ?? {})) {
    if (!isId(id)) return { message: spec.notFound ?? "We couldn't find that.", values };
  }
  const parsed: Parsed<Input> = !spec.input
    ? { success: true, data: undefined as Input }
    : typeof spec.input === "function"
      ? spec.input(typed, form instanceof FormData ? form : null)
      : spec.input.safeParse(typed);
  if (!parsed.success) return invalidState(parsed, values);
  const ctx: ActionContext<Input, Id> = { viewer: null, ids: (spec.ids ?? {}) as Record<Id, string>, input: parsed.data, values };
  let result: Result;
  try {
    ctx.viewer = await getViewer();
    result = await spec.run(ctx);
    const tags = spec.expire?.(result, ctx) ?? [];
    if (tags.length > 0) expireTags(...tags);
    else if (spec.refresh) refresh();
  } catch (error) {
    const state = formError(error, values);
    return spec.failed ? spec.failed(state, error, ctx) : state;
  }
  return spec.done ? spec.done(result, ctx) : { ok: true };
}

/** What a button's action answers: the server's truth, or a message (the button rolls back). */
export type ButtonResult<T> = ({ ok: true } & T) | { ok: false; message: string };

/**
 * The same shape for actions called from client buttons with arguments rather than a form
 * (hearts, bookmarks, follows, featuring): parse the arguments, call, expire, map any failure to a message.
 */
export async function buttonAction<Input, T extends object>(
  schema: z.ZodType<Input>,
  args: unknown,
  run: (viewer: SessionViewer | null, input: Input) => Promise<T>,
  expire?: (result: T, input: Input) => string[],
): Promise<ButtonResult<T>> {
  const input = schema.safeParse(args);
  if (!input.success) {
    // A message the schema wrote for people (a note too long) is worth showing; zod's own are not.
    const custom = input.error.issues.find((issue) => issue.code === "too_big" || issue.code === "custom");
    return { ok: false, message: custom?.message ?? REQUEST_UNREADABLE };
  }
  try {
    const result = await run(await getViewer(), input.data);
    if (expire) expireTags(...expire(result, input.data));
    return { ok: true, ...result };
  } catch (error) {
    return { ok: false, message: formError(error).message ?? "Please try again." };
  }
}
