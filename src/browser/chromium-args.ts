// The command line delib starts Chromium with: puppeteer-core's own switches, and delib's.

/**
 * The switches puppeteer-core 24 gives Chromium (ChromeLauncher.defaultArgs with headless and
 * extensions off), its disabled features apart. `--export-tagged-pdf` and
 * `--generate-pdf-document-outline` are what make the tagged PDF and its outline.
 * test/browser/browser.test.ts checks these still hold everything the installed puppeteer-core
 * would pass.
 */
const PUPPETEER_ARGS = [
  "--allow-pre-commit-input",
  "--disable-background-networking",
  "--disable-background-timer-throttling",
  "--disable-backgrounding-occluded-windows",
  "--disable-breakpad",
  "--disable-client-side-phishing-detection",
  "--disable-component-extensions-with-background-pages",
  "--disable-crash-reporter",
  "--disable-default-apps",
  "--disable-dev-shm-usage",
  "--disable-hang-monitor",
  "--disable-infobars",
  "--disable-ipc-flooding-protection",
  "--disable-popup-blocking",
  "--disable-prompt-on-repost",
  "--disable-renderer-backgrounding",
  "--disable-search-engine-choice-screen",
  "--disable-sync",
  "--enable-automation",
  "--export-tagged-pdf",
  "--force-color-profile=srgb",
  "--generate-pdf-document-outline",
  "--metrics-recording-only",
  "--no-first-run",
  "--password-store=basic",
  "--use-mock-keychain",
  "--enable-features=PdfOopif",
  "--headless=new",
  "--hide-scrollbars",
  "--mute-audio",
  "--disable-extensions",
];

/** The features puppeteer-core 24 turns off. */
const PUPPETEER_DISABLED_FEATURES = ["Translate", "AcceptCHFrame", "MediaRouter", "OptimizationHints", "WebUIReloadButton", "ProcessPerSiteUpToMainFrameThreshold", "IsolateSandboxedIframes"];

/**
 * The features delib turns off as well. Headless Chromium builds the browser window's omnibox
 * popup, a WebUI page in a renderer of its own, which burnt some 300 ms of processor time at
 * every start (800 ms on a busy 2-core machine), time taken from printing; nothing of it is
 * ever shown.
 */
const DELIB_DISABLED_FEATURES = ["WebUIOmniboxPopup", "WebUIOmniboxAimPopup", "WebUIOmniboxFullPopup"];

/**
 * delib's own switches: quiet, offline and reproducible. Chromium runs as root in CI
 * containers, hence --no-sandbox. The host resolver maps every name (IP literals included) to
 * "not found": request interception alone does not see `<link rel=preconnect>` or
 * `<link rel=prefetch>`, which would otherwise still open connections.
 */
const DELIB_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--disable-component-update",
  "--font-render-hinting=none",
  "--host-resolver-rules=MAP * ~NOTFOUND",
];

/**
 * Everything Chromium is started with. One `--disable-features` switch: Chromium reads only the
 * last one given.
 */
export function chromiumArgs(userDataDir: string): string[] {
  return [
    ...PUPPETEER_ARGS,
    `--disable-features=${[...PUPPETEER_DISABLED_FEATURES, ...DELIB_DISABLED_FEATURES].join(",")}`,
    ...DELIB_ARGS,
    "--remote-debugging-pipe",
    `--user-data-dir=${userDataDir}`,
    "about:blank",
  ];
}
