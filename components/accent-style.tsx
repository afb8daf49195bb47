/**
 * The accent colour from the site settings, as the brand colour variables (globals.css). Light
 * mode takes it as chosen (the settings refuse one under 4.5:1 against white); dark mode mixes
 * it with 55% white, which keeps every channel at 140 or more and so at least 5:1 against the
 * dark page.
 */
export function AccentStyle({ colour }: { colour: string | null }) {
  if (!colour || !/^#[0-9a-f]{6}$/i.test(colour)) return null;
  const css = `:root{--color-brand-600:${colour};--color-brand-700:color-mix(in srgb,${colour} 80%,black)}[data-theme=dark]{--color-brand-600:color-mix(in srgb,${colour} 45%,white);--color-brand-700:color-mix(in srgb,${colour} 35%,white)}`;
  return <style id="site-accent">{css}</style>;
}
