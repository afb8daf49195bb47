import { ActionButton, EmailLayout, Paragraph } from "@/lib/mail/templates/layout";

type Common = { siteUrl: string; name: string };

export function VerifyEmail({ siteUrl, name, url }: Common & { url: string }) {
  return (
    <EmailLayout preview="Confirm your email address for Storyhouse" siteUrl={siteUrl}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>Welcome to Storyhouse. Please confirm that this is your email address. Until you do, you can read, write drafts and heart stories, but not publish, comment or report.</Paragraph>
      <ActionButton href={url}>Confirm my email</ActionButton>
      <Paragraph>The link works for 24 hours. If you did not create an account, ignore this email.</Paragraph>
    </EmailLayout>
  );
}

export function PasswordReset({ siteUrl, name, url }: Common & { url: string }) {
  return (
    <EmailLayout preview="Reset your Storyhouse password" siteUrl={siteUrl}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>Someone (we hope you) asked to reset the password of your Storyhouse account. Choose a new one here:</Paragraph>
      <ActionButton href={url}>Choose a new password</ActionButton>
      <Paragraph>The link works once, for one hour. Setting a new password signs you out everywhere else. If you did not ask for this, ignore this email: your password stays as it is.</Paragraph>
    </EmailLayout>
  );
}

export function SignUpWithExistingAddress({ siteUrl, name, signInUrl, resetUrl }: Common & { signInUrl: string; resetUrl: string }) {
  return (
    <EmailLayout preview="Someone tried to create an account with your address" siteUrl={siteUrl}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>Someone tried to create a new Storyhouse account with this email address, which already has one: yours.</Paragraph>
      <ActionButton href={signInUrl}>Sign in</ActionButton>
      <Paragraph>
        Forgot your password? <a href={resetUrl}>Reset it here</a>. If it wasn&apos;t you, nothing has changed and you can ignore this email.
      </Paragraph>
    </EmailLayout>
  );
}

export function PasswordChanged({ siteUrl, name, resetUrl }: Common & { resetUrl: string }) {
  return (
    <EmailLayout preview="Your Storyhouse password was changed" siteUrl={siteUrl}>
      <Paragraph>Hi {name},</Paragraph>
      <Paragraph>The password of your Storyhouse account was just changed, and every other session was signed out.</Paragraph>
      <Paragraph>
        If this wasn&apos;t you, <a href={resetUrl}>reset your password</a> now.
      </Paragraph>
    </EmailLayout>
  );
}
