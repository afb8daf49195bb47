/**
 * Cache Components needs every dynamic route to list at least one param at build time. Public
 * pages are rendered on first visit and cached per URL (ISR), so the build gets one value that
 * matches nothing and renders the not-found page for it.
 */
export const BUILD_PLACEHOLDER = "__build-placeholder__";
