// How every Chromium here is launched (Playwright's config, the benchmarks, the cluster test):
// Debian's Chromium, since Playwright cannot download its own browser on this network, with the
// flags that keep it from reaching for the network or a GPU.
//
// Debian's headless-only build (`apt-get install chromium-headless-shell`, the same version as
// `chromium`) when it is installed: it is what Playwright itself runs headless by default. The full
// browser run headless keeps a GPU process drawing in software and renderers for its own UI
// (`--top-chrome-webui`), which on a 2-core machine took CPU from the app under test.
import { existsSync } from "node:fs";

const headlessShell = "/usr/bin/chromium-headless-shell";

export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? (existsSync(headlessShell) ? headlessShell : "/usr/bin/chromium"),
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
