import { z } from "zod";

export const BIO_MAX = 500;

export const profileInputSchema = z.object({
  name: z.string().trim().min(1, "Tell readers your name").max(80, "Keep your name under 80 characters"),
  bio: z.string().trim().max(BIO_MAX, `Keep your bio under ${BIO_MAX} characters`).default(""),
});
export type ProfileInput = z.infer<typeof profileInputSchema>;
