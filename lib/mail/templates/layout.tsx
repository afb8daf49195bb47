import type { ReactNode } from "react";
import { Body, Button, Container, Head, Hr, Html, Link, Preview, Section, Text } from "@react-email/components";

// The site's look in email: the serif masthead, ink on paper, one accent for the button. Inline
// styles only (mail clients ignore stylesheets).
const ink = "#1c1917";
const muted = "#57534e";
const accent = "#b45309";

/** `siteName` is the one from the site settings (lib/data/branding.ts). */
export function EmailLayout({ preview, siteUrl, siteName, children, footer }: { preview: string; siteUrl: string; siteName: string; children: ReactNode; footer?: ReactNode }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#fafaf9", color: ink, fontFamily: "Georgia, 'Source Serif 4', serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", border: "1px solid #e7e5e4", borderRadius: 8, maxWidth: 560, padding: "32px 32px 24px" }}>
          <Link href={siteUrl} style={{ color: ink, fontSize: 22, fontWeight: 700, textDecoration: "none" }}>
            {siteName}
          </Link>
          <Section style={{ marginTop: 16 }}>{children}</Section>
          <Hr style={{ borderColor: "#e7e5e4", marginTop: 32 }} />
          <Text style={{ color: muted, fontFamily: "Helvetica, Arial, sans-serif", fontSize: 12, lineHeight: "18px" }}>
            {footer ?? `You are receiving this because of your account at ${siteName}.`}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}

export function Paragraph({ children }: { children: ReactNode }) {
  return <Text style={{ fontSize: 16, lineHeight: "26px", margin: "12px 0" }}>{children}</Text>;
}

/** The main action, with its address written out below for clients that hide buttons. */
export function ActionButton({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Section style={{ margin: "24px 0" }}>
      <Button href={href} style={{ backgroundColor: accent, borderRadius: 6, color: "#ffffff", fontFamily: "Helvetica, Arial, sans-serif", fontSize: 15, fontWeight: 600, padding: "12px 20px" }}>
        {children}
      </Button>
      <Text style={{ color: muted, fontSize: 13, lineHeight: "20px", wordBreak: "break-all" }}>
        Or open this link: <Link href={href}>{href}</Link>
      </Text>
    </Section>
  );
}

export function UnsubscribeFooter({ reason, unsubscribeUrl, settingsUrl }: { reason: string; unsubscribeUrl: string; settingsUrl: string }) {
  return (
    <>
      {reason} <Link href={unsubscribeUrl}>Unsubscribe from these emails</Link> or <Link href={settingsUrl}>choose which emails you get</Link>.
    </>
  );
}
