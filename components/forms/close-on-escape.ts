import type { KeyboardEvent } from "react";

/** A keydown handler for inline forms: Escape closes them, as Cancel does. */
export function closeOnEscape(onClose: (() => void) | undefined) {
  return (event: KeyboardEvent) => {
    if (event.key !== "Escape" || !onClose) return;
    event.preventDefault();
    onClose();
  };
}
