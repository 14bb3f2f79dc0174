// `site:` of delib.config.yaml: where the register's site is published (`delib publish`).
import type { Config } from "./load-config.js";

/** What `site:` says, as the configuration schema guarantees it. */
export interface SiteSettings {
  /** The site's public address, `https://…` (its sub-path included, for GitHub Pages). */
  readonly base_url?: string;
}

/**
 * The `site:` block of a configuration; empty without one. Read from the validated file (the
 * schema checked its form), so that every command reads the same block.
 */
export function siteSettings(config: Config): SiteSettings {
  const data = config.source?.data as { site?: SiteSettings } | undefined;
  return data?.site ?? {};
}
