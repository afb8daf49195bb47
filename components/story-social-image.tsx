
/** A story's social image (rendered by next/og, so inline styles and flex layout only): community, title, creator, and the site's name in its accent colour. */
export function StorySocialImage({ title, authorName, communityName, siteName, accentColor }: { title: string; authorName: string; communityName: string; siteName: string; accentColor: string | null }) {
  const accent = accentColor ?? "#9a3412";
  const titleSize = title.length > 90 ? 56 : title.length > 50 ? 68 : 80;
  return (
    <div style={{ width: "100%", height: "100%", display: "flex", flexDirection: "column", justifyContent: "space-between", padding: "64px 72px", background: "#fff7ed", borderTop: `16px solid ${accent}`, fontFamily: "Source Serif", color: "#1c1917" }}>
      <div style={{ display: "flex", fontSize: 30, fontWeight: 700, letterSpacing: 3, textTransform: "uppercase", color: accent }}>{communityName}</div>
      <div style={{ display: "block", fontSize: titleSize, fontWeight: 700, lineHeight: 1.1, lineClamp: 4 }}>{title}</div>
      <div style={{ display: "flex", justifyContent: "space-between", alignItems: "flex-end", fontSize: 34 }}>
        <div style={{ display: "flex", color: "#44403c" }}>by {authorName}</div>
        <div style={{ display: "flex", fontWeight: 700 }}>{siteName}</div>
      </div>
    </div>
  );
}
