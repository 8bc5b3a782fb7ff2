/** Guide and course references of the debrief's lessons, as words on screen and on paper. */

import { plainHeading } from '../../guide/sections.ts';
import { currentLanguage, t } from '../../i18n/index.ts';

/** A course module as the caller knows it: id and translated title. */
export interface CourseModuleLink {
  id: string;
  title: string;
}

/** Course modules that go deeper into each guide chapter, best match first. */
const COURSE_FOR_CHAPTER: Record<string, string[]> = {
  'understand-resilience': ['resilience-basics', 'designing-projects'],
  'diagnose-vulnerabilities': ['designing-projects', 'resilience-basics'],
  'respond-to-hazards': ['resilience-basics', 'designing-projects'],
  'mobilise-sse-actors': ['sse-actors'],
  'fund-the-project': ['department-levers'],
  'cooperate-and-pool': ['engineering-support'],
  'engineering-support': ['engineering-support'],
  experiment: ['collective-dynamics'],
  evaluate: ['collective-dynamics'],
  'tool-needs-hazards-matrix': ['designing-projects', 'resilience-basics'],
  'tool-actor-map': ['sse-actors'],
  'tool-funding-plan': ['department-levers'],
  'tool-project-canvas': ['designing-projects'],
  'tool-evaluation-grid': ['collective-dynamics'],
};

const GUIDE_PAGES = import.meta.glob<string>('../../guide/content/*/*.md', { query: '?raw', import: 'default', eager: true });

interface GuideTitles {
  chapter: string;
  sections: Map<string, string>;
}

const guideTitleCache = new Map<string, Map<string, GuideTitles>>();

function guideTitles(language: string): Map<string, GuideTitles> {
  const cached = guideTitleCache.get(language);
  if (cached) return cached;
  const out = new Map<string, GuideTitles>();
  for (const [path, markdown] of Object.entries(GUIDE_PAGES)) {
    const match = /\/content\/(\w+)\/([\w-]+)\.md$/.exec(path);
    if (!match || match[1] !== language) continue;
    const title = /^#\s+(.+?)\s*$/m.exec(markdown)?.[1];
    const chapter = title ? plainHeading(title) : (match[2] as string);
    const sections = new Map<string, string>();
    for (const heading of markdown.matchAll(/^#{2,6}\s+(.+?)\s*\{#([a-z0-9-]+)\}\s*$/gm)) {
      sections.set(heading[2] as string, plainHeading(heading[1] as string));
    }
    out.set(match[2] as string, { chapter, sections });
  }
  guideTitleCache.set(language, out);
  return out;
}

/** "chapter#section" as the guide's own titles; falls back to the ids when the guide lacks them. */
export function guideRefTitles(ref: string): { chapter: string; section?: string } {
  const [chapterId = '', sectionId] = ref.split('#');
  const page = guideTitles(currentLanguage()).get(chapterId);
  const chapter = page?.chapter ?? chapterId;
  if (!sectionId) return { chapter };
  return { chapter, section: page?.sections.get(sectionId) ?? sectionId };
}

export function guideRefText(ref: string): string {
  const { chapter, section } = guideRefTitles(ref);
  return section ? t('debrief:guideRef.section', { chapter, section }) : t('debrief:guideRef.chapter', { chapter });
}

export function courseModuleFor(ref: string, modules: CourseModuleLink[] | undefined): CourseModuleLink | null {
  const chapter = ref.split('#')[0] ?? '';
  const candidates = COURSE_FOR_CHAPTER[chapter] ?? [];
  if (modules) {
    for (const id of candidates) {
      const found = modules.find((m) => m.id === id);
      if (found) return found;
    }
    return null;
  }
  const id = candidates[0];
  return id ? { id, title: t(`debrief:courseModules.${id}`) } : null;
}
