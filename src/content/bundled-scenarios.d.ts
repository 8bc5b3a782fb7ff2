/** Provided at build time by tools/lib/vite-bundled-scenarios.ts: every bundled scenario, validated and resolved. */
declare module 'virtual:bundled-scenarios' {
  const scenarios: import('../engine/types.ts').Scenario[];
  export default scenarios;
}

/** One loader per bundled scenario, by id: each scenario is its own chunk. */
declare module 'virtual:bundled-scenario-loaders' {
  export const loaders: Record<string, () => Promise<{ default: import('../engine/types.ts').Scenario }>>;
}
