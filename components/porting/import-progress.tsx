"use client";
import { useEffect } from "react";
import { useRouter } from "next/navigation";

/** While an import runs, asks the server for the page again every two seconds (the counts live in the database). */
export function RefreshWhileRunning({ running }: { running: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => router.refresh(), 2000);
    return () => clearInterval(timer);
  }, [running, router]);
  return null;
}
