// How every Chromium here is launched (Playwright's config, the benchmarks, the cluster test):
// Debian's Chromium, since Playwright cannot download its own browser on this network, with the
// flags that keep it from reaching for the network or a GPU.
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
};
