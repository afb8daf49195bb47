import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isAppError } from "@/lib/errors";

/**
 * Renders a private page's content, turning the data layer's refusals into a page: FORBIDDEN
 * becomes a plain notice, NOT_FOUND the 404 page. Anything else (redirects included) passes on.
 */
export async function guarded(render: () => Promise<ReactNode>): Promise<ReactNode> {
  try {
    return await render();
  } catch (error) {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    if (isAppError(error) && error.code === "FORBIDDEN") {
      return (
        <div role="alert" className="rounded-xl border border-stone-200 bg-stone-50 p-6">
          <p className="font-semibold">You don&apos;t have access to this page.</p>
          <p className="mt-1 text-sm text-stone-600">{error.message}</p>
        </div>
      );
    }
    throw error;
  }
}
