// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { facilitatorView } from '../../src/facilitator/facilitator-view.ts';
import { changeLanguage, initI18n } from '../../src/i18n/index.ts';
import { extractHeadings, renderMarkdown } from '../../src/markdown/render.ts';
import type { AppContext } from '../../src/ui/app-context.ts';
import { parseHash } from '../../src/ui/router.ts';

const SECTION_IDS = ['before', 'roles', 'plan-90', 'plan-180', 'phases', 'debrief-questions', 'after'];

function html(fragment: DocumentFragment): HTMLElement {
  const box = document.createElement('div');
  box.append(fragment);
  return box;
}

function attributes(box: HTMLElement): { name: string; value: string }[] {
  return Array.from(box.querySelectorAll('*')).flatMap((el) =>
    Array.from(el.attributes).map((a) => ({ name: a.name, value: a.value })),
  );
}

const HOSTILE = [
  '## Title {#my-id}',
  '',
  '<script>alert(1)</script>',
  '',
  '<img src=x onerror=alert(1)>',
  '',
  '[x](javascript:alert(1)) [y](JAVASCRIPT:alert(1)) [d](data:text/html;base64,PHNjcmlwdD4=) [v](vbscript:msgbox(1))',
  '',
  '<a href="#" onclick="alert(1)">z</a>',
  '',
  '[ok](#/guide/fund-the-project#pooling) [test](#/test) [web](https://example.org/page) ![pic](https://example.org/x.png)',
].join('\n');

describe('renderMarkdown', () => {
  it('neutralises raw HTML and dangerous links', () => {
    const box = html(renderMarkdown(HOSTILE));
    expect(box.querySelector('script')).toBeNull();
    expect(box.querySelector('img')).toBeNull();
    expect(attributes(box).filter((a) => /^on/i.test(a.name))).toEqual([]);
    expect(attributes(box).filter((a) => /^\s*(javascript|data|vbscript):/i.test(a.value))).toEqual([]);
    const hrefs = Array.from(box.querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['#/guide/fund-the-project/pooling', '#/test']);
    // Raw HTML is shown as text, external links and images as their text.
    expect(box.textContent).toContain('<script>alert(1)</script>');
    expect(box.textContent).toContain('web');
    expect(box.textContent).toContain('pic');
  });

  it('gives headings their {#id} and strips the suffix', () => {
    const box = html(renderMarkdown(HOSTILE));
    const heading = box.querySelector('h2');
    expect(heading?.id).toBe('my-id');
    expect(heading?.textContent).toBe('Title');
    // DOMPurify would drop ids that shadow DOM properties: they survive here.
    expect(html(renderMarkdown('## After {#after}\n\n### Before {#before}')).querySelector('#after')?.textContent).toBe('After');
  });

  it('wraps tables for narrow screens', () => {
    const box = html(renderMarkdown('| a | b |\n| --- | ---: |\n| 1 | 2 |'));
    const wrap = box.querySelector('.table-wrap');
    expect(wrap?.firstElementChild?.tagName).toBe('TABLE');
    expect(attributes(box).some((a) => a.name === 'style')).toBe(false);
    expect(box.querySelector('td.align-right')?.textContent).toBe('2');
  });

  it('leaves diagrams to a resolver', () => {
    const source = '![A wheel](diagram:needs-wheel)';
    const img = html(renderMarkdown(source)).querySelector('img');
    expect(img?.getAttribute('data-diagram')).toBe('needs-wheel');
    expect(img?.getAttribute('alt')).toBe('A wheel');
    expect(img?.hasAttribute('src')).toBe(false);
    const seen: string[] = [];
    const box = html(
      renderMarkdown(source, {
        resolveImage: (src, alt) => {
          seen.push(src);
          const figure = document.createElement('figure');
          figure.textContent = alt;
          return figure;
        },
      }),
    );
    expect(seen).toEqual(['diagram:needs-wheel']);
    expect(box.querySelector('figure')?.textContent).toBe('A wheel');
  });

  it('lets a caller rewrite links, within the safety policy', () => {
    const box = html(
      renderMarkdown('[a](#/course/x) [b](#/drop) [c](#/evil)', {
        rewriteLink: (href) => (href === '#/drop' ? null : href === '#/evil' ? 'javascript:alert(1)' : href),
      }),
    );
    expect(Array.from(box.querySelectorAll('a')).map((a) => a.getAttribute('href'))).toEqual(['#/course/x']);
    expect(box.textContent?.trim()).toBe('a b c');
  });

  it('extracts headings with ids', () => {
    expect(extractHeadings('# Top\n\n## Title {#my-id}\n\n### Sub *part* {#sub}\n\n## No id')).toEqual([
      { level: 2, id: 'my-id', text: 'Title' },
      { level: 3, id: 'sub', text: 'Sub part' },
    ]);
  });

  for (const lang of ['fr', 'en']) {
    it(`renders the ${lang} facilitation guide with its sections`, () => {
      const source = readFileSync(`src/facilitator/content/${lang}/facilitation.md`, 'utf8');
      expect(extractHeadings(source).map((h) => h.id)).toEqual(SECTION_IDS);
      const box = html(renderMarkdown(source));
      for (const id of SECTION_IDS) expect(box.querySelector(`h2#${id}`), id).not.toBeNull();
      expect(box.querySelectorAll('.table-wrap > table').length).toBeGreaterThan(3);
      const hrefs = Array.from(box.querySelectorAll('a')).map((a) => a.getAttribute('href') ?? '');
      expect(hrefs.length).toBeGreaterThan(10);
      for (const href of hrefs) expect(href).toMatch(/^#\/[a-z0-9/-]+$/);
      expect(box.textContent).not.toContain('{#');
    });
  }
});

describe('facilitatorView', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });

  const ctx = { reducedMotion: () => true } as unknown as AppContext;

  it('renders the title, the workshop link, the contents and the guide, then relocalizes', async () => {
    await changeLanguage('fr');
    const container = document.createElement('main');
    document.body.append(container);
    const view = facilitatorView(ctx);
    view.render(container, parseHash('#/facilitator'));
    expect(container.querySelector('h1#page-title')?.textContent).toBe('Espace animation');
    expect(container.querySelector('a[href="#/game?facilitator=1"]')).not.toBeNull();
    expect(container.querySelectorAll('h1')).toHaveLength(1);
    const toc = container.querySelector('nav[aria-label]');
    const links = Array.from(toc?.querySelectorAll<HTMLAnchorElement>('a') ?? []);
    expect(links.map((a) => a.dataset.section)).toEqual(SECTION_IDS);

    const before = window.location.hash;
    links[1]?.click();
    expect(window.location.hash).toBe(before);
    expect(document.activeElement?.id).toBe('roles');

    await changeLanguage('en');
    view.relocalize?.();
    expect(container.querySelector('h1#page-title')?.textContent).toBe('Facilitation');
    expect(container.querySelector('h2#roles')?.textContent).toBe('Roles');
    expect(document.activeElement?.id).toBe('roles');
    view.dispose?.();
    container.remove();
  });
});
