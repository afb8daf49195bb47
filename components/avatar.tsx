import Image from "next/image";

/** A creator's avatar: their image, or their initials on a colour picked from their name. */
export function Avatar({ name, src, size = 40 }: { name: string; src?: string | null; size?: number }) {
  const initials = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join("");
  const hue = [...name].reduce((sum, ch) => sum + ch.charCodeAt(0), 0) % 360;
  if (src) {
    // Uploads are served at a few widths; the loader (lib/media/image-loader.ts) picks one for each density.
    return <Image src={src} alt="" width={size} height={size} className="shrink-0 rounded-full bg-stone-200 object-cover" style={{ width: size, height: size }} />;
  }
  // At 30% lightness white initials keep at least 5:1 contrast whatever the hue (40% fell to 3.2:1 on yellows).
  return (
    <span
      aria-hidden="true"
      className="inline-flex shrink-0 items-center justify-center rounded-full font-semibold"
      style={{ width: size, height: size, fontSize: size * 0.4, backgroundColor: `hsl(${hue} 45% 30%)`, color: "#fff" }}
    >
      {initials || "?"}
    </span>
  );
}
