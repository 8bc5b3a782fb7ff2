/**
 * A lesson's Markdown as safe DOM, with its diagrams inlined: the SVG is sanitised with DOMPurify's SVG
 * profile and put in the page itself (not as an <img>), so screen readers read its <title> and <desc>.
 */
import DOMPurify from 'dompurify';
import { renderMarkdown } from '../markdown/render.ts';
import type { Language } from '../storage/settings.ts';
import { h } from '../ui/dom.ts';
import { diagramSource, lessonSource } from './content.ts';

const SVG_CONFIG = {
  USE_PROFILES: { svg: true, svgFilters: true },
  // The SVG profile has no "role"; the diagrams need role="img" with their aria-labelledby.
  ADD_ATTR: ['role'],
  RETURN_DOM_FRAGMENT: true as const,
};

/** SVG text as a sanitised element ready for the page (scripts, handlers and foreign content removed). */
export function sanitizeDiagram(source: string): SVGSVGElement | null {
  const fragment = document.importNode(DOMPurify.sanitize(source, SVG_CONFIG), true);
  const svg = fragment.querySelector('svg');
  if (!svg) return null;
  svg.setAttribute('role', 'img');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('course-diagram-svg');
  return svg;
}

/** The diagram as sanitised inline SVG, or null when there is none in that language. */
export function diagramElement(id: string, language: Language): SVGSVGElement | null {
  const source = diagramSource(id, language);
  return source === null ? null : sanitizeDiagram(source);
}

/** `![alt](diagram:<id>)` -> a figure with the SVG and the alt text as a visible caption. */
function resolveDiagram(src: string, alt: string, language: Language): Node | null {
  const id = /^diagram:(.+)$/.exec(src)?.[1];
  if (!id) return null;
  const svg = diagramElement(id, language);
  if (!svg) return document.createTextNode(alt);
  return h('figure', { class: 'course-diagram' }, svg, h('figcaption', {}, alt));
}

/** The lesson without its own "# title" line (the page shows the course's title as its h1). */
export function lessonBody(source: string): string {
  return source.replace(/^\s*#\s[^\n]*\n+/, '');
}

export function renderLesson(lesson: string, language: Language): DocumentFragment | null {
  const source = lessonSource(lesson, language);
  if (source === null) return null;
  const fragment = renderMarkdown(lessonBody(source), { resolveImage: (src, alt) => resolveDiagram(src, alt, language) });
  // An image alone in its paragraph: the figure takes the paragraph's place (a <figure> cannot sit in a <p>).
  for (const figure of Array.from(fragment.querySelectorAll('p > figure.course-diagram'))) {
    const paragraph = figure.parentElement;
    if (paragraph && paragraph.textContent?.trim() === figure.textContent?.trim()) paragraph.replaceWith(figure);
  }
  return fragment;
}

/**
 * Links to a part of the kit this build does not hold (the SCORM package has no game and no test) become
 * their text followed by `note`, so that no link leads nowhere.
 */
export function unlinkMissingParts(root: ParentNode, parts: readonly string[], note: string): void {
  for (const link of Array.from(root.querySelectorAll<HTMLAnchorElement>('a[href^="#/"]'))) {
    const part = (link.getAttribute('href') ?? '').slice(2).split(/[/?#]/)[0] ?? '';
    if (parts.includes(part)) continue;
    link.replaceWith(
      h('span', { class: 'course-unlinked' }, link.textContent ?? '', ' ', h('span', { class: 'course-meta' }, note)),
    );
  }
}

/** The heading of the key points that ends every lesson, per language. */
const KEY_POINTS: Record<Language, string> = { fr: 'À retenir', en: 'Key points' };

/** A lesson's key points (the list under its "Key points" heading) as safe DOM, or null if it has none. */
export function lessonKeyPoints(lesson: string, language: Language): DocumentFragment | null {
  const source = lessonSource(lesson, language);
  if (source === null) return null;
  const match = new RegExp(`^## ${KEY_POINTS[language]}\\s*\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(source);
  return match?.[1]?.trim() ? renderMarkdown(match[1]) : null;
}
