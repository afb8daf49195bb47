import { ActionButton, EmailLayout, Paragraph } from "@/lib/mail/templates/layout";

/** Every email knows the site's address and name (lib/data/email.ts adds both when it renders). */
type Common = { siteUrl: string; siteName: string; name: string };

export function VerifyEmail({ siteUrl, siteName, name, url }: Common & { url: string }) {
  return (
    <EmailLayout preview={`Confirm your email address for ${siteName}`} siteUrl={siteUrl} siteName={siteName}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>Welcome to {siteName}. Please confirm that this is your email address. Until you do, you can read, write drafts and heart stories, but not publish, comment or report.</Paragraph>
      <ActionButton href={url}>Confirm my email</ActionButton>
      <Paragraph>The link works for 24 hours. If you did not create an account, ignore this email.</Paragraph>
    </EmailLayout>
  );
}

export function PasswordReset({ siteUrl, siteName, name, url }: Common & { url: string }) {
  return (
    <EmailLayout preview={`Reset your ${siteName} password`} siteUrl={siteUrl} siteName={siteName}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>Someone (we hope you) asked to reset the password of your {siteName} account. Choose a new one here:</Paragraph>
      <ActionButton href={url}>Choose a new password</ActionButton>
      <Paragraph>The link works once, for one hour. Setting a new password signs you out everywhere else. If you did not ask for this, ignore this email: your password stays as it is.</Paragraph>
    </EmailLayout>
  );
}

export function SignUpWithExistingAddress({ siteUrl, siteName, name, signInUrl, resetUrl }: Common & { signInUrl: string; resetUrl: string }) {
  return (
    <EmailLayout preview="Someone tried to create an account with your address" siteUrl={siteUrl} siteName={siteName}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>Someone tried to create a new {siteName} account with this email address, which already has one: yours.</Paragraph>
      <ActionButton href={signInUrl}>Sign in</ActionButton>
      <Paragraph>
        Forgot your password? <a href={resetUrl}>Reset it here</a>. If it wasn&apos;t you, nothing has changed and you can ignore this email.
      </Paragraph>
    </EmailLayout>
  );
}

export function PasswordChanged({ siteUrl, siteName, name, resetUrl }: Common & { resetUrl: string }) {
  return (
    <EmailLayout preview={`Your ${siteName} password was changed`} siteUrl={siteUrl} siteName={siteName}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>The password of your {siteName} account was just changed, and every other session was signed out.</Paragraph>
      <Paragraph>
        If this wasn&apos;t you, <a href={resetUrl}>reset your password</a> now.
      </Paragraph>
    </EmailLayout>
  );
}

export function ConfirmNewEmail({ siteUrl, siteName, name, url, newEmail }: Common & { url: string; newEmail: string }) {
  return (
    <EmailLayout preview={`Confirm your new email address for ${siteName}`} siteUrl={siteUrl} siteName={siteName}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>You asked to use {newEmail} for your {siteName} account. Nothing changes until you confirm it here:</Paragraph>
      <ActionButton href={url}>Use this address</ActionButton>
      <Paragraph>The link works once, for 24 hours. If you did not ask for this, ignore this email: the account keeps its current address.</Paragraph>
    </EmailLayout>
  );
}

export function EmailChanged({ siteUrl, siteName, name, newEmail, resetUrl }: Common & { newEmail: string; resetUrl: string }) {
  return (
    <EmailLayout preview={`Your ${siteName} email address was changed`} siteUrl={siteUrl} siteName={siteName}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>The email address of your {siteName} account was changed to {newEmail}. Sign-ins and emails use the new address from now on; this is the last email sent here.</Paragraph>
      <Paragraph>
        If this wasn&apos;t you, someone may have your password: <a href={resetUrl}>reset it from the new address</a> if you can, or reply to this email.
      </Paragraph>
    </EmailLayout>
  );
}

export function AccountDeletionScheduled({ siteUrl, siteName, name, dueDate, keepStories, signInUrl }: Common & { dueDate: string; keepStories: string; signInUrl: string }) {
  return (
    <EmailLayout preview={`Your ${siteName} account will be deleted`} siteUrl={siteUrl} siteName={siteName}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        You asked us to delete your {siteName} account. It will be deleted on {dueDate}.{" "}
        {keepStories === "yes" ? "Your published stories will stay on the site under the name “Former member”." : "Your stories will be deleted with it."} Your comments, hearts, follows and profile go.
      </Paragraph>
      <Paragraph>Changed your mind? Sign in before then and the deletion is cancelled:</Paragraph>
      <ActionButton href={signInUrl}>Sign in to keep my account</ActionButton>
    </EmailLayout>
  );
}

export function AccountDeletionCancelled({ siteUrl, siteName, name }: Common) {
  return (
    <EmailLayout preview={`Your ${siteName} account is no longer being deleted`} siteUrl={siteUrl} siteName={siteName}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>You signed in, so your account will not be deleted. Everything stays as it was. To delete it after all, ask again from your account settings.</Paragraph>
    </EmailLayout>
  );
}

export function AccountDeleted({ siteUrl, siteName, name, keptStories }: Common & { keptStories: string }) {
  return (
    <EmailLayout preview={`Your ${siteName} account was deleted`} siteUrl={siteUrl} siteName={siteName}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>
        Your {siteName} account was deleted, as you asked.{" "}
        {keptStories === "0" ? "Your stories were deleted with it." : `${keptStories} published ${keptStories === "1" ? "story stays" : "stories stay"} on the site under the name “Former member”.`} This is the last email we send you.
      </Paragraph>
    </EmailLayout>
  );
}
