// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { glossaryTerms, parsePage } from '../../src/guide/chapters.ts';
import { guideGlossary, guidePages } from '../../src/guide/content.ts';
import { linkGlossaryTerms } from '../../src/guide/glossary-links.ts';
import { guideView, renderGuideMarkdown } from '../../src/guide/guide-view.ts';
import { segmentNodes } from '../../src/guide/search-page.ts';
import { changeLanguage, initI18n } from '../../src/i18n/index.ts';
import type { AppContext, View } from '../../src/ui/app-context.ts';
import { parseHash } from '../../src/ui/router.ts';

const TERMS = glossaryTerms(
  parsePage(
    { id: 'glossary', kind: 'glossary' },
    '# Glossaire\n\nIntro.\n\n## Résilience {#resilience}\n\nDéf.\n\n## ESS (économie sociale et solidaire) {#sse}\n\nDéf.\n\n' +
      '## Contrat de territoire {#territorial-contract}\n\nDéf.\n\n## Contrat de territoire solidaire {#solidarity-territory-contract}\n\nDéf.',
  ),
);

function box(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  return el;
}

const links = (el: ParentNode) => Array.from(el.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);

describe('glossary linking', () => {
  it('reads term names, with the parts of "X (Y)"', () => {
    expect(TERMS.find((term) => term.id === 'sse')?.names).toEqual([
      'ESS (économie sociale et solidaire)',
      'ESS',
      'économie sociale et solidaire',
    ]);
  });

  it('links the first occurrence of each term, accent- and case-insensitive, whole words only', () => {
    const el = box(
      '<h2 id="a">La résilience</h2><p>Un territoire résilient. La RESILIENCE et la résilience encore.</p>' +
        "<p>L'ESS, l'économie sociale et solidaire, les contrats de territoire solidaires et un contrat de territoire.</p>",
    );
    expect(linkGlossaryTerms(el, TERMS)).toEqual(['resilience', 'sse', 'solidarity-territory-contract', 'territorial-contract']);
    expect(links(el)).toEqual([
      ['RESILIENCE', '#/guide/glossary/resilience'],
      ['ESS', '#/guide/glossary/sse'],
      ['contrats de territoire solidaires', '#/guide/glossary/solidarity-territory-contract'],
      ['contrat de territoire', '#/guide/glossary/territorial-contract'],
    ]);
    expect(el.querySelector('h2')?.querySelector('a')).toBeNull();
    expect(el.textContent).toContain('Un territoire résilient. La RESILIENCE et la résilience encore.');
  });

  it('leaves text inside links alone and counts an author link to the term as linked', () => {
    const el = box(
      '<p><a href="#/guide/understand-resilience">Comprendre la résilience</a> puis la résilience.</p>' +
        '<p><a href="#/guide/glossary/sse">ESS</a> et encore ESS.</p>',
    );
    linkGlossaryTerms(el, TERMS);
    expect(links(el)).toEqual([
      ['Comprendre la résilience', '#/guide/understand-resilience'],
      ['résilience', '#/guide/glossary/resilience'],
      ['ESS', '#/guide/glossary/sse'],
    ]);
  });

  it('in the glossary, a term does not link to itself', () => {
    const el = box(
      '<h2 id="resilience">Résilience</h2><p>La résilience et l’ESS.</p><h2 id="sse">ESS</h2><p>ESS et résilience.</p>',
    );
    linkGlossaryTerms(el, TERMS, { inGlossary: true });
    expect(links(el)).toEqual([
      ['ESS', '#/guide/glossary/sse'],
      ['résilience', '#/guide/glossary/resilience'],
    ]);
    expect(el.querySelectorAll('p')[1]?.querySelector('a')?.textContent).toBe('résilience');
  });

  it('links real glossary terms in real pages, each at most once, in both languages', async () => {
    await initI18n('fr');
    for (const lang of ['fr', 'en'] as const) {
      let total = 0;
      for (const page of guidePages(lang)) {
        const el = document.createElement('div');
        el.append(renderGuideMarkdown(page.body, { terms: guideGlossary(lang), inGlossary: page.id === 'glossary' }));
        const targets = Array.from(el.querySelectorAll('a.glossary-term')).map((a) => a.getAttribute('href') ?? '');
        expect(new Set(targets).size, page.id).toBe(targets.length);
        for (const href of targets) expect(href).toMatch(/^#\/guide\/glossary\/[a-z-]+$/);
        expect(el.querySelector('h2 a.glossary-term, a a')).toBeNull();
        total += targets.length;
      }
      expect(total, lang).toBeGreaterThan(3);
    }
  });
});

describe('hostile Markdown through the guide renderer', () => {
  it('executes nothing: no script, no event handler, no javascript: link', () => {
    const source = readFileSync('tests/fixtures/hostile.md', 'utf8');
    const el = document.createElement('div');
    el.append(renderGuideMarkdown(source, { terms: guideGlossary('fr') }));
    expect(el.querySelectorAll('script, iframe, style, form, input, svg, object, embed').length).toBe(0);
    for (const node of Array.from(el.querySelectorAll('*'))) {
      for (const attr of Array.from(node.attributes)) {
        expect(attr.name, node.outerHTML).not.toMatch(/^on/i);
        // biome-ignore lint/suspicious/noControlCharactersInRegex: browsers ignore these in a scheme, so does the check.
        expect(attr.value.replace(/[\s\u0000-\u001f]/g, ''), node.outerHTML).not.toMatch(/^(javascript|data|vbscript):/i);
      }
    }
    for (const link of Array.from(el.querySelectorAll('a'))) expect(link.getAttribute('href')).toMatch(/^#\//);
    // Raw HTML is shown as text; safe links and glossary terms still work.
    expect(el.textContent).toContain('<script>alert(');
    expect(el.textContent).toContain('onerror=');
    expect(el.querySelector('h2#attack')).not.toBeNull();
    expect(el.querySelector('a[href="#/guide/glossary/sse"]')?.textContent).toBe('ESS');
  });
});

describe('search snippets', () => {
  it('builds text nodes and <mark> elements, never HTML', () => {
    const el = document.createElement('p');
    el.append(
      ...segmentNodes([
        { text: 'la ', mark: false },
        { text: '<b>résilience</b>', mark: true },
      ]),
    );
    expect(el.querySelectorAll('mark')).toHaveLength(1);
    expect(el.querySelector('b')).toBeNull();
    expect(el.querySelector('mark')?.textContent).toBe('<b>résilience</b>');
  });
});

describe('guideView', () => {
  const announce = vi.fn();
  const ctx = { reducedMotion: () => true, announce } as unknown as AppContext;
  let container: HTMLElement;
  let view: View | null = null;

  beforeAll(async () => {
    await initI18n('fr');
  });
  afterEach(() => {
    view?.dispose?.();
    container?.remove();
  });

  async function show(hash: string): Promise<HTMLElement> {
    window.history.replaceState(null, '', hash);
    container = document.createElement('main');
    document.body.append(container);
    view = guideView(ctx);
    await view.render(container, parseHash(hash));
    return container;
  }

  it('home lists chapters, tool sheets and the glossary with their leads, and a search form', async () => {
    await changeLanguage('fr');
    const el = await show('#/guide');
    expect(el.querySelector('h1#page-title')?.textContent).toBe('Le guide pratique');
    expect(Array.from(el.querySelectorAll('h2')).map((h) => h.textContent)).toEqual([
      'Chapitres',
      'Fiches outils',
      'Sources',
      'Glossaire',
    ]);
    expect(el.querySelectorAll('.guide-home-chapter li')).toHaveLength(9);
    expect(el.querySelectorAll('.guide-home-tool li')).toHaveLength(5);
    const first = el.querySelector<HTMLAnchorElement>('.guide-list-link');
    expect(first?.getAttribute('href')).toBe('#/guide/understand-resilience');
    expect(el.querySelector(`#${first?.getAttribute('aria-describedby')}`)?.textContent).toMatch(/^Un territoire résilient/);
    expect(el.querySelector('label[for="guide-search-input"]')).not.toBeNull();
  });

  it('a chapter: title, contents that focus their section, glossary links, previous and next', async () => {
    await changeLanguage('fr');
    const el = await show('#/guide/cooperate-and-pool');
    expect(el.querySelector('h1#page-title')?.textContent).toBe('Coopérer et mutualiser');
    expect(view?.title()).toMatch(/^Coopérer et mutualiser · /);
    const toc = Array.from(el.querySelectorAll<HTMLAnchorElement>('.guide-toc a'));
    expect(toc.map((a) => a.getAttribute('href'))).toContain('#/guide/cooperate-and-pool/ptce');
    toc.find((a) => a.dataset.section === 'ptce')?.click();
    expect(document.activeElement?.id).toBe('ptce');
    expect(window.location.hash).toBe('#/guide/cooperate-and-pool/ptce');
    expect(el.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('#/guide/fund-the-project');
    expect(el.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('#/guide/engineering-support');
    expect(el.querySelectorAll('.guide-article a[href^="#/guide/glossary/"]').length).toBeGreaterThan(0);
    expect(el.querySelector('button.guide-print')).not.toBeNull();

    await changeLanguage('en');
    view?.relocalize?.();
    await vi.waitFor(() => expect(el.querySelector('h1#page-title')?.textContent).toBe('Cooperating and pooling'));
    expect(document.activeElement?.id).toBe('ptce');
    await changeLanguage('fr');
  });

  it('a deep link to a section focuses its heading', async () => {
    await changeLanguage('fr');
    const el = await show('#/guide/cooperate-and-pool/ptce');
    await vi.waitFor(() => expect(document.activeElement?.id).toBe('ptce'));
    expect(el.querySelector('#ptce')?.getAttribute('tabindex')).toBe('-1');
  });

  it('an unknown chapter says so with a way back; an unknown section opens its chapter with a notice', async () => {
    await changeLanguage('fr');
    let el = await show('#/guide/nowhere');
    expect(el.querySelector('h1#page-title')?.textContent).toBe('Page du guide introuvable');
    expect(el.querySelector('a[href="#/guide"]')).not.toBeNull();
    view?.dispose?.();
    container.remove();
    el = await show('#/guide/cooperate-and-pool/nowhere');
    expect(el.querySelector('h1#page-title')?.textContent).toBe('Coopérer et mutualiser');
    expect(el.querySelector('.guide-unknown-section')?.textContent).toBe(
      'Ce chapitre n’a pas de section «\u202fnowhere\u202f»\u202f: voici le chapitre depuis son début.',
    );
    expect(el.querySelector('.guide-toc')).not.toBeNull();
  });

  it('a chapter page has a search box, a permalink on each section heading, and marks the section read', async () => {
    await changeLanguage('fr');
    const el = await show('#/guide/respond-to-hazards');
    expect(el.querySelector('form.guide-search #guide-search-input')).not.toBeNull();
    const heading = el.querySelector<HTMLElement>('h2#heat-and-drought');
    const link = heading?.querySelector<HTMLAnchorElement>('a.guide-permalink');
    expect(link?.getAttribute('href')).toBe('#/guide/respond-to-hazards/heat-and-drought');
    expect(link?.getAttribute('aria-label')).toMatch(/^Lien vers cette section\u202f: /);
    el.querySelector<HTMLAnchorElement>('.guide-toc a[data-section="heat-and-drought"]')?.click();
    expect(el.querySelectorAll('.guide-toc a[aria-current]')).toHaveLength(1);
    expect(el.querySelector('.guide-toc a[aria-current]')?.getAttribute('data-section')).toBe('heat-and-drought');
  });

  it('search results: h1, announced count, links to sections, marks', async () => {
    await changeLanguage('fr');
    announce.mockClear();
    const el = await show('#/guide/search?q=r%C3%A9silience');
    expect(el.querySelector('h1#page-title')?.textContent).toBe('Résultats pour «\u00a0résilience\u00a0»');
    expect(announce).toHaveBeenCalledWith(el.querySelector('.guide-search-count')?.textContent);
    expect(el.querySelector('.guide-result h2 a')?.getAttribute('href')).toBe('#/guide/understand-resilience');
    expect(el.querySelector('a[href="#/guide/understand-resilience/what-is-resilience"]')).not.toBeNull();
    expect(el.querySelector('.guide-result-snippet mark')?.textContent?.toLowerCase()).toBe('résilience');
    expect(el.querySelector<HTMLInputElement>('#guide-search-input')?.value).toBe('résilience');

    await changeLanguage('en');
    view?.relocalize?.();
    await vi.waitFor(() => expect(el.querySelector('h1#page-title')?.textContent).toBe('Results for “résilience”'));
    expect(el.querySelector('.guide-result h2 a')?.getAttribute('href')).toBe('#/guide/understand-resilience');
    await changeLanguage('fr');
  });

  it('submitting the form goes to the search route', async () => {
    await changeLanguage('fr');
    const el = await show('#/guide');
    const input = el.querySelector<HTMLInputElement>('#guide-search-input');
    if (input) input.value = 'coopération entre communes';
    el.querySelector('form')?.dispatchEvent(new Event('submit', { cancelable: true }));
    expect(window.location.hash).toBe('#/guide/search?q=coop%C3%A9ration%20entre%20communes');
  });
});
