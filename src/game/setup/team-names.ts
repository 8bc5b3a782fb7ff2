/**
 * Team names must tell the teams apart: the turn banner, the offers ("accept
 * the offer of ..."), the announcements and the debrief name teams by name.
 * Two names are the same whatever their case or their Unicode composition.
 */

const sameKey = (name: string) => name.normalize('NFC').toLocaleLowerCase();

/** The index of the first name that repeats an earlier one, or -1. */
export function repeatedName(names: readonly string[]): number {
  const seen = new Set<string>();
  for (let i = 0; i < names.length; i += 1) {
    const key = sameKey(names[i] as string);
    if (seen.has(key)) return i;
    seen.add(key);
  }
  return -1;
}

/** The names with each repeat numbered ("Bourg", "Bourg (2)"): for a link whose names were edited by hand. */
export function distinctNames(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    let candidate = name;
    for (let n = 2; taken.has(sameKey(candidate)); n += 1) candidate = `${name} (${n})`;
    taken.add(sameKey(candidate));
    return candidate;
  });
}
