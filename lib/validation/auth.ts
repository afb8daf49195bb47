import { z } from "@/lib/zod";
import { singleLineText } from "@/lib/validation/form";

const email = z.string().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" })).pipe(z.string().max(254, "That email address is too long"));

/** A password someone chooses: at sign-up and when changing it. */
const newPassword = z.string().min(8, "Use at least 8 characters").max(200, "Use at most 200 characters");

export const signUpSchema = z.object({
  name: z.string().overwrite(singleLineText).trim().min(1, "Tell us your name").max(80, "Keep your name under 80 characters"),
  email,
  password: newPassword,
});
export type SignUpInput = z.infer<typeof signUpSchema>;

export const signInSchema = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(200, "Use at most 200 characters"),
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200, "Use at most 200 characters"),
    newPassword,
    confirmPassword: z.string(),
  })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ["confirmPassword"], message: "The two new passwords don't match" })
  .refine((input) => input.newPassword !== input.currentPassword, { path: ["newPassword"], message: "Choose a password different from your current one" });
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const forgotPasswordSchema = z.object({ email });

/** The token comes from the emailed link (a hidden field): 32 random bytes, base64url. */
const emailedToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, "This link is not valid");

export const resetPasswordSchema = z
  .object({ token: emailedToken, newPassword, confirmPassword: z.string() })
  .refine((input) => input.confirmPassword === input.newPassword, { path: ["confirmPassword"], message: "The two passwords don't match" });

export const emailTokenSchema = z.object({ token: emailedToken });

export const changeEmailSchema = z.object({
  newEmail: email,
  currentPassword: z.string().min(1, "Enter your current password").max(200, "Use at most 200 characters"),
});
export type ChangeEmailInput = z.infer<typeof changeEmailSchema>;

/** Deleting one's account: what happens to the stories, and the password to say it is really them. */
export const deleteAccountSchema = z.object({
  stories: z.enum(["keep", "delete"], { message: "Choose what happens to your stories" }),
  currentPassword: z.string().min(1, "Enter your password").max(200, "Use at most 200 characters"),
  confirm: z.literal("on", { message: "Tick the box to confirm" }),
});
export type DeleteAccountInput = z.infer<typeof deleteAccountSchema>;
