import { z } from "zod";

// The validation schemas also run in the browser (forms, the search page). There, the Content
// Security Policy forbids eval, and zod would probe for it with `Function("")` on first use: the
// probe fails harmlessly but is reported as a CSP violation. Tell zod up front instead. The
// server keeps zod's faster compiled parsers.
if (typeof window !== "undefined") z.config({ jitless: true });

export { z };
