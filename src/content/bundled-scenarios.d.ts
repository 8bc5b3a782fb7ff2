/** Provided at build time by tools/lib/vite-bundled-scenarios.ts: every bundled scenario, validated and resolved. */
declare module 'virtual:bundled-scenarios' {
  const scenarios: import('../engine/types.ts').Scenario[];
  export default scenarios;
}
