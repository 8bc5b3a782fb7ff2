import { plainHeading } from '../guide/sections.ts';
/**
 * Names for the test's links (guide sections, course modules, game scenarios),
 * so links read as words. Loaded lazily: only the guide chapters a page links
 * to, in the current language; course and scenario titles only for the
 * results. A missing name falls back to the id.
 */
import type { Language } from '../storage/settings.ts';

const GUIDE_SOURCES = import.meta.glob<string>('../guide/content/*/*.md', { query: '?raw', import: 'default' });
const SCENARIO_TITLES = import.meta.glob<{ fr: string; en: string }>(['../../scenarios/*.json', '!**/*.schema.json'], {
  import: 'title',
});

export interface LinkTitles {
  guide(ref: string): string;
  course(module: string): string;
  scenario(scenario: string): string;
}

/** "Chapter title › Section title" for a guide reference "chapter#section". */
export function guideRefTitle(markdown: string, ref: string): string | null {
  const [, section] = ref.split('#');
  const chapter = /^#\s+(.+)$/m.exec(markdown)?.[1];
  if (!chapter) return null;
  if (!section) return plainHeading(chapter);
  const heading = new RegExp(`^#{2,6}\\s+(.+\\{#${section}\\})\\s*$`, 'm').exec(markdown)?.[1];
  return heading ? `${plainHeading(chapter)} › ${plainHeading(heading)}` : plainHeading(chapter);
}

const guideCache = new Map<string, string | null>();
let courseTitles: Map<string, { fr: string; en: string }> | null = null;
let scenarioTitles: Map<string, { fr: string; en: string }> | null = null;

async function guideMarkdown(language: Language, chapter: string): Promise<string | null> {
  const key = `${language}/${chapter}`;
  if (guideCache.has(key)) return guideCache.get(key) ?? null;
  const load = GUIDE_SOURCES[`../guide/content/${language}/${chapter}.md`];
  const text = load ? await load().catch(() => null) : null;
  guideCache.set(key, text);
  return text;
}

export async function loadLinkTitles(
  language: Language,
  guideRefs: readonly string[],
  needCourseAndGame: boolean,
): Promise<LinkTitles> {
  const guide = new Map<string, string>();
  await Promise.all(
    [...new Set(guideRefs)].map(async (ref) => {
      const markdown = await guideMarkdown(language, ref.split('#')[0] ?? '');
      const title = markdown ? guideRefTitle(markdown, ref) : null;
      if (title) guide.set(ref, title);
    }),
  );
  if (needCourseAndGame && !courseTitles) {
    const course = (await import('../course/content/course.json')).default as {
      modules: { id: string; title: { fr: string; en: string } }[];
    };
    courseTitles = new Map(course.modules.map((m) => [m.id, m.title]));
  }
  if (needCourseAndGame && !scenarioTitles) {
    const entries = await Promise.all(
      Object.entries(SCENARIO_TITLES).map(
        async ([path, load]) => [/([\w-]+)\.json$/.exec(path)?.[1] ?? path, await load()] as const,
      ),
    );
    scenarioTitles = new Map(entries);
  }
  return {
    guide: (ref) => guide.get(ref) ?? ref,
    course: (module) => courseTitles?.get(module)?.[language] ?? module,
    scenario: (id) => scenarioTitles?.get(id)?.[language] ?? id,
  };
}
