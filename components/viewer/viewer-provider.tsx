"use client";
import { usePathname } from "next/navigation";
import { createContext, Suspense, use, useEffect, useState, type ReactNode } from "react";
import type { RestrictionKind, Role, UserStatus } from "@/lib/generated/prisma/enums";

/** A restriction in force on the viewer, with the audit entry behind it (its /moderation page). */
export type ClientRestriction = { kind: RestrictionKind; reason: string; expiresAt: string | null; actionId: string | null };
export type ClientViewer = {
  id: string;
  name: string;
  handle: string;
  role: Role;
  status: UserStatus;
  avatarUrl: string | null;
  restrictions: ClientRestriction[];
  /** False until the member follows the link in the confirmation email (the banner offers a new one). */
  emailVerified: boolean;
  /** The communities the member moderates (ids): the moderation pages they may use. */
  moderates: string[];
  /** Unread notifications: the bell's badge. */
  unread: number;
};
type ViewerState = { loading: boolean; viewer: ClientViewer | null };
type ViewerContextValue = ViewerState & { forget: () => void; refresh: () => void };

const ViewerContext = createContext<ViewerContextValue>({ loading: true, viewer: null, forget: () => {}, refresh: () => {} });

/**
 * Public pages are static and shared by every reader, so they carry no session. The few parts
 * that depend on who is reading (account links, comment composer, heart and follow buttons)
 * ask /api/me from the browser, once per navigation.
 */
export function ViewerProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<ViewerState>({ loading: true, viewer: null });
  const [pathname, setPathname] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    if (pathname === null) return;
    const controller = new AbortController();
    fetch("/api/me", { cache: "no-store", signal: controller.signal })
      .then((res) => (res.ok ? res.json() : { viewer: null }))
      .then((body: { viewer: ClientViewer | null }) => setState({ loading: false, viewer: body.viewer }))
      .catch(() => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, loading: false }));
      });
    return () => controller.abort();
  }, [pathname, version]);
  const forget = () => setState({ loading: false, viewer: null });
  // After a change /api/me reflects (notifications read, say), without waiting for a navigation.
  const refresh = () => setVersion((v) => v + 1);
  return (
    <ViewerContext value={{ ...state, forget, refresh }}>
      {/* The URL is request data for dynamic routes: read it behind its own boundary. */}
      <Suspense fallback={null}>
        <PathnameWatcher onChange={setPathname} />
      </Suspense>
      {children}
    </ViewerContext>
  );
}

function PathnameWatcher({ onChange }: { onChange: (pathname: string) => void }) {
  const pathname = usePathname();
  useEffect(() => onChange(pathname), [pathname, onChange]);
  return null;
}

/** The signed-in reader as the browser knows them; `loading` until /api/me has answered. */
export function useViewer(): ViewerContextValue {
  return use(ViewerContext);
}
