import type { Law } from "./law.js";

/**
 * How many consecutive sittings one proxy may serve for this kind of body, and the article
 * (CGCT L2121-20: three, save duly established illness); undefined when a proxy is given for
 * one meeting only (L3121-16, L4132-15), so there is nothing to check across sittings.
 */
export function proxyValiditySittings(law: Law, kind: string): { sittings: number; source: string } | undefined {
  const validity = law.bodies[kind]?.proxy_validity;
  return validity?.lasts === "sittings" ? { sittings: validity.sittings, source: validity.source } : undefined;
}
