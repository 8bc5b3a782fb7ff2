/** The guide's page rendering: safe Markdown (src/markdown/render.ts), then glossary terms linked. */
import { renderMarkdown } from '../markdown/render.ts';
import type { GlossaryTerm } from './chapters.ts';
import { linkGlossaryTerms } from './glossary-links.ts';

export interface GuideRenderOptions {
  /** Glossary terms to link, in the page's language (none: no linking). */
  terms?: GlossaryTerm[];
  /** The page is the glossary. */
  inGlossary?: boolean;
}

/** A guide page's Markdown (without its `# Title` line) as a sanitised fragment with glossary links. */
export function renderGuideMarkdown(source: string, options: GuideRenderOptions = {}): DocumentFragment {
  const fragment = renderMarkdown(source);
  if (options.terms && options.terms.length > 0) linkGlossaryTerms(fragment, options.terms, { inGlossary: options.inGlossary });
  return fragment;
}
