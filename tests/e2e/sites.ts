/**
 * The sites global-setup.ts builds, in the order it builds them: the two small fixture sites first, then the one
 * from data/ (minutes), then two more fixture builds. One list, read by the builds (global-setup.ts), the waits
 * (built-sites.ts) and the order the end-to-end files run in (sequencer.ts).
 */
export const SITES = ['fixture', 'hostile', 'real', 'fixture-again', 'hosted'] as const;
export type Site = (typeof SITES)[number];

/** The sites an end-to-end file waits for, read from its `await sitesReady(…)` call. */
export function sitesWaitedFor(source: string): Site[] {
  const call = /sitesReady\(([^)]*)\)/.exec(source)?.[1] ?? '';
  return [...call.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]).filter((s): s is Site => (SITES as readonly string[]).includes(s ?? ''));
}
