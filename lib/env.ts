import "server-only";
import { z } from "zod";

// The one reader of process.env. Parsed on first use so that importing a module never fails.
const envSchema = z.object({
  DATABASE_URL: z.string().url({ message: "DATABASE_URL must be a postgresql:// URL (npm start sets it for the embedded database)" }),
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  DB_POOL_MAX: z.coerce.number().int().positive().default(10),
});

let parsed: z.infer<typeof envSchema> | undefined;

export function env() {
  parsed ??= envSchema.parse(process.env);
  return parsed;
}
