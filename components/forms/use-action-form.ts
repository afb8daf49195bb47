"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import type { FormState } from "@/lib/validation/form";

/**
 * useActionState plus a key that changes with every result. React resets a form after its action
 * runs, and a reset <select> forgets what was chosen; remounting the form with the returned
 * values as defaults keeps everything the user typed. Focus then moves to the first field in error.
 */
export function useActionForm(action: (state: FormState, form: FormData) => Promise<FormState>, initial: FormState = {}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const [seen, setSeen] = useState({ state, key: 0 });
  if (seen.state !== state) setSeen({ state, key: seen.key + 1 });
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (seen.key === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [seen.key]);
  return { state, formAction, pending, formKey: seen.key, formRef };
}
