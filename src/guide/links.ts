/** Where content links point: a guide reference "chapter#section" becomes a route. */
export function guideHref(ref: string): string {
  const [chapter = '', section] = ref.split('#');
  return section ? `#/guide/${chapter}/${section}` : `#/guide/${chapter}`;
}

export function courseHref(module: string): string {
  return `#/course/${module}`;
}

export function scenarioHref(scenario: string): string {
  return `#/game?scenario=${encodeURIComponent(scenario)}`;
}
