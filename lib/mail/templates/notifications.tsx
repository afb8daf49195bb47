import { Link } from "@react-email/components";
import { ActionButton, EmailLayout, Paragraph, UnsubscribeFooter } from "@/lib/mail/templates/layout";

type Unsubscribe = { siteUrl: string; siteName: string; unsubscribeUrl: string; settingsUrl: string; reason: string };

function Footer(d: Unsubscribe) {
  return <UnsubscribeFooter reason={d.reason} unsubscribeUrl={d.unsubscribeUrl} settingsUrl={d.settingsUrl} />;
}

/** One email for one or several notifications of a kind (replies in a short time come together). */
export function NotificationDigest(d: Unsubscribe & { name: string; items: { message: string; url: string | null }[]; alwaysSent?: boolean }) {
  return (
    <EmailLayout preview={d.items[0]?.message ?? `News from ${d.siteName}`} siteUrl={d.siteUrl} siteName={d.siteName} footer={d.alwaysSent ? "Messages about your account are always sent." : <Footer {...d} />}>
      <Paragraph>Hi {d.name},</Paragraph>
      {d.items.map((item, i) => (
        <Paragraph key={i}>
          {item.message} {item.url ? <Link href={item.url}>Open it</Link> : null}
        </Paragraph>
      ))}
      <ActionButton href={`${d.siteUrl}/notifications`}>See all your notifications</ActionButton>
    </EmailLayout>
  );
}

export function NewStoryFromFollowed(d: Unsubscribe & { name: string; creatorName: string; title: string; subtitle: string; url: string }) {
  return (
    <EmailLayout preview={`${d.creatorName} published “${d.title}”`} siteUrl={d.siteUrl} siteName={d.siteName} footer={<Footer {...d} />}>
      <Paragraph>Hi {d.name},</Paragraph>
      <Paragraph>{d.creatorName}, whom you follow, published a new story:</Paragraph>
      <Paragraph>
        <strong>{d.title}</strong>
        {d.subtitle ? <> — {d.subtitle}</> : null}
      </Paragraph>
      <ActionButton href={d.url}>Read the story</ActionButton>
    </EmailLayout>
  );
}

export function WeeklyDigest(d: Unsubscribe & { name: string; stories: { title: string; subtitle: string; creatorName: string; url: string }[] }) {
  return (
    <EmailLayout preview={`This week: ${d.stories[0]?.title ?? "stories"} and more`} siteUrl={d.siteUrl} siteName={d.siteName} footer={<Footer {...d} />}>
      <Paragraph>Hi {d.name},</Paragraph>
      <Paragraph>The week&apos;s top stories from creators you follow:</Paragraph>
      {d.stories.map((s) => (
        <Paragraph key={s.url}>
          <Link href={s.url}>
            <strong>{s.title}</strong>
          </Link>{" "}
          by {s.creatorName}
          {s.subtitle ? <> — {s.subtitle}</> : null}
        </Paragraph>
      ))}
      <ActionButton href={`${d.siteUrl}/following`}>See everything from who you follow</ActionButton>
    </EmailLayout>
  );
}
