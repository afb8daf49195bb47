// How every Chromium here is launched (Playwright's config, the benchmarks, the cluster test):
// Debian's Chromium, since Playwright cannot download its own browser on this network, with the
// flags that keep it from reaching for the network or a GPU.
//
// And one that keeps it from drawing an address bar nobody sees: Chromium 156 preloads its omnibox
// popups (chrome://omnibox-popup.top-chrome, the plain one and the AI-mode one) in a renderer of
// their own for every new window, which headless Chromium opens for every browser context. That
// renderer cost ~0.4-0.7 CPU-seconds per context (0.96-1.25 s per context and first page with it,
// 0.55 s without, same machine), and in a fresh-clone `npm test` 215 CPU-seconds in all, a fifth
// of Chromium's share. Chromium merges this --disable-features with Playwright's own list.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup",
  ],
};
