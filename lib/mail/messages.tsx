import "server-only";
import type { ReactElement } from "react";
import { render } from "@react-email/render";
import { NewStoryFromFollowed, NotificationDigest, WeeklyDigest } from "@/lib/mail/templates/notifications";
import { AccountDeleted, AccountDeletionCancelled, AccountDeletionScheduled, ConfirmNewEmail, EmailChanged, PasswordChanged, PasswordReset, SignUpWithExistingAddress, VerifyEmail } from "@/lib/mail/templates/account";

/**
 * Every email the site sends, by template name: its subject and its React component. The data
 * (names, titles, absolute links) is worked out by the data layer (lib/data/email.ts) when the
 * email is sent.
 */
export const emailTemplates = {
  "verify-email": (d: { siteUrl: string; siteName: string; name: string; url: string }) => ({ subject: "Confirm your email address", element: <VerifyEmail {...d} /> }),
  "password-reset": (d: { siteUrl: string; siteName: string; name: string; url: string }) => ({ subject: "Reset your password", element: <PasswordReset {...d} /> }),
  "signup-existing": (d: { siteUrl: string; siteName: string; name: string; signInUrl: string; resetUrl: string }) => ({ subject: `You already have a ${d.siteName} account`, element: <SignUpWithExistingAddress {...d} /> }),
  "password-changed": (d: { siteUrl: string; siteName: string; name: string; resetUrl: string }) => ({ subject: "Your password was changed", element: <PasswordChanged {...d} /> }),
  "confirm-new-email": (d: { siteUrl: string; siteName: string; name: string; url: string; newEmail: string }) => ({ subject: "Confirm your new email address", element: <ConfirmNewEmail {...d} /> }),
  "email-changed": (d: { siteUrl: string; siteName: string; name: string; newEmail: string; resetUrl: string }) => ({ subject: "Your email address was changed", element: <EmailChanged {...d} /> }),
  "account-deletion-scheduled": (d: { siteUrl: string; siteName: string; name: string; dueDate: string; keepStories: string; signInUrl: string }) => ({ subject: "Your account will be deleted", element: <AccountDeletionScheduled {...d} /> }),
  "account-deletion-cancelled": (d: { siteUrl: string; siteName: string; name: string }) => ({ subject: "Your account will not be deleted", element: <AccountDeletionCancelled {...d} /> }),
  "account-deleted": (d: { siteUrl: string; siteName: string; name: string; keptStories: string }) => ({ subject: "Your account was deleted", element: <AccountDeleted {...d} /> }),
  "notification-digest": (d: { siteUrl: string; siteName: string; name: string; group: string; items: { message: string; url: string | null }[]; alwaysSent: boolean; unsubscribeUrl: string; settingsUrl: string; reason: string }) => ({
    subject: d.items.length === 1 ? d.items[0].message.replace(/\.$/, "") : `${d.items.length} new ${d.group === "reply" ? "replies to your comments" : d.group === "comment" ? "comments on your stories" : "updates about your account"}`,
    element: <NotificationDigest {...d} />,
  }),
  "new-story": (d: { siteUrl: string; siteName: string; name: string; creatorName: string; title: string; subtitle: string; url: string; unsubscribeUrl: string; settingsUrl: string; reason: string }) => ({
    subject: `${d.creatorName} published “${d.title}”`,
    element: <NewStoryFromFollowed {...d} />,
  }),
  "weekly-digest": (d: { siteUrl: string; siteName: string; name: string; stories: { title: string; subtitle: string; creatorName: string; url: string }[]; unsubscribeUrl: string; settingsUrl: string; reason: string }) => ({
    subject: `Your week on ${d.siteName}: ${d.stories[0]?.title ?? "new stories"}`,
    element: <WeeklyDigest {...d} />,
  }),
} satisfies Record<string, (data: never) => { subject: string; element: ReactElement }>;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateData<T extends EmailTemplateName> = Parameters<(typeof emailTemplates)[T]>[0];

/** The HTML and plain-text parts of one email, from the same component. */
export async function renderEmail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}
