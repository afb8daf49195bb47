// Limits shared by schemas (server) and forms (browser). No zod here, so importing a limit
// into a client component does not ship the validation library to readers.
export const COMMENT_MAX = 2000;
