// Rendered per request so that its scripts carry the response's CSP nonce (see the component).
export { PerRequestLayout as default } from "@/components/security/per-request-layout";
export const instant = false;
