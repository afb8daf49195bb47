import { z } from "@/lib/zod";
import { singleLineText } from "@/lib/validation/form";

const email = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" })).pipe(z.string().max(254, "That email address is too long"));

export const signUpSchema = z.object({
  name: z.string().overwrite(singleLineText).trim().min(1, "Tell us your name").max(80, "Keep your name under 80 characters"),
  email,
  password: z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters"),
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(200, "Use at most 200 characters"),
});
