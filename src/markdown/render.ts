/**
 * Safe Markdown rendering for the kit's content (course, guide, facilitation).
 *
 * - markdown-it with raw HTML off: `<script>` or `<a onclick>` in a source stays visible text.
 * - `## Title {#id}` gives the heading the id `id` (the suffix is removed from the text).
 * - Links: `#/guide/chapter#section` becomes the route `#/guide/chapter/section`; other `#/...` routes,
 *   in-page `#id` anchors and `mailto:` are kept; everything else (http(s), javascript:, data:, vbscript:,
 *   relative paths...) is rendered as its plain text: the kit makes no external request.
 * - Images: `![alt](diagram:<id>)` becomes `<img alt data-diagram="id">` for a caller to resolve; relative
 *   images keep their src; any other image is replaced by its alt text.
 * - Tables are wrapped in `<div class="table-wrap">` so they scroll on narrow screens.
 * - The HTML is then sanitised with DOMPurify before it becomes DOM.
 */
import DOMPurify from 'dompurify';
import MarkdownItFactory, { type MarkdownIt, type StateCore, type Token } from 'markdown-it';

export interface RenderOptions {
  /**
   * Called with each link's href (as markdown-it normalised it) before the built-in policy: return a new
   * href, or null to render the link as plain text. The built-in safety policy still applies to the result.
   */
  rewriteLink?: (href: string) => string | null;
  /**
   * Called for each image with its source (`diagram:<id>` or a relative path) and alt text: return the node
   * that replaces the `<img>`, or null to keep the `<img>`.
   */
  resolveImage?: (src: string, alt: string) => Node | null;
}

export interface Heading {
  level: number;
  id: string;
  text: string;
}

/** The `{#id}` suffix of a heading. Ids stay simple so they are safe as attributes and selectors. */
const HEADING_SUFFIX = /\s*\{#([A-Za-z][\w-]*)\}\s*$/;
const SAFE_ID = /^[A-Za-z][\w-]*$/;
const DIAGRAM = /^diagram:([A-Za-z0-9][\w-]*)$/;
const GUIDE_SECTION = /^#\/guide\/([^/?#]+)#([^/?#]+)$/;
/** Attribute carrying a heading id through DOMPurify (which drops ids such as "before" or "after"). */
const HEADING_ATTR = 'data-heading-id';

/** Scheme check on a link with spaces and control characters removed, as browsers do. */
function compact(href: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  return href.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
}

/** The built-in link policy: the href to keep, or null for plain text. */
export function safeHref(href: string): string | null {
  const guide = GUIDE_SECTION.exec(href);
  if (guide) return `#/guide/${guide[1]}/${guide[2]}`;
  const plain = compact(href);
  if (plain.startsWith('#')) return href;
  if (plain.startsWith('mailto:')) return href;
  return null;
}

function isRelativePath(src: string): boolean {
  const plain = compact(src);
  return plain.length > 0 && !/^[a-z][a-z0-9+.-]*:/.test(plain) && !/^[\\/]{2}/.test(plain);
}

/** Text of an inline token's children, for ids' headings and image alt text. */
function inlineText(tokens: Token[] | null): string {
  let out = '';
  for (const token of tokens ?? []) {
    if (token.type === 'text' || token.type === 'code_inline') out += token.content;
    else if (token.type === 'softbreak' || token.type === 'hardbreak') out += ' ';
    else if (token.type === 'image') out += inlineText(token.children);
  }
  return out;
}

type LinkRewrite = (href: string) => string | null;

function attr(token: Token, name: string): string {
  const value = token.attrGet(name);
  return value === null ? '' : String(value);
}

/** Core rule: heading ids, link policy, images, table alignment without style attributes. */
function contentRule(state: StateCore): void {
  const rewrite = (state.env as { rewriteLink?: LinkRewrite } | undefined)?.rewriteLink;
  const tokens = state.tokens;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (token.type === 'heading_open') {
      const inline = tokens[i + 1];
      const last = inline?.children?.at(-1);
      if (inline && last?.type === 'text') {
        const match = HEADING_SUFFIX.exec(last.content);
        if (match?.[1]) {
          last.content = last.content.slice(0, match.index);
          inline.content = inline.content.replace(HEADING_SUFFIX, '');
          token.attrSet(HEADING_ATTR, match[1]);
        }
      }
    } else if (token.type === 'th_open' || token.type === 'td_open') {
      const style = attr(token, 'style');
      if (style) {
        const align = /text-align:\s*(left|right|center)/.exec(style)?.[1];
        token.attrs = (token.attrs ?? []).filter(([name]) => name !== 'style');
        if (align) token.attrJoin('class', `align-${align}`);
      }
    } else if (token.type === 'inline' && token.children) {
      token.children = inlineChildren(state, token.children, rewrite);
    }
  }
}

function inlineChildren(state: StateCore, children: Token[], rewrite: LinkRewrite | undefined): Token[] {
  const out: Token[] = [];
  let dropClose = 0;
  for (const child of children) {
    if (child.type === 'link_open') {
      let href: string | null = attr(child, 'href');
      if (rewrite) href = rewrite(href);
      if (href !== null) href = safeHref(href);
      if (href === null) {
        dropClose++;
        continue;
      }
      child.attrs = [['href', href]];
    } else if (child.type === 'link_close' && dropClose > 0) {
      dropClose--;
      continue;
    } else if (child.type === 'image') {
      const src = attr(child, 'src');
      const alt = inlineText(child.children);
      const diagram = DIAGRAM.exec(src);
      if (diagram?.[1]) {
        child.attrs = [
          ['alt', alt],
          ['data-diagram', diagram[1]],
        ];
      } else if (isRelativePath(src)) {
        child.attrs = [
          ['src', src],
          ['alt', alt],
        ];
      } else {
        const text = new state.Token('text', '', 0);
        text.content = alt;
        out.push(text);
        continue;
      }
    }
    out.push(child);
  }
  return out;
}

function createParser(): MarkdownIt {
  const md = new MarkdownItFactory({ html: false, linkify: false, typographer: true });
  md.core.ruler.push('kit_content', contentRule);
  const renderToken = md.renderer.renderToken.bind(md.renderer);
  md.renderer.rules.table_open = (tokens, idx, options) =>
    `<div class="table-wrap" tabindex="0">${renderToken(tokens, idx, options)}`;
  md.renderer.rules.table_close = (tokens, idx, options) => `${renderToken(tokens, idx, options)}</div>\n`;
  return md;
}

let parser: MarkdownIt | null = null;
function md(): MarkdownIt {
  parser ??= createParser();
  return parser;
}

const PURIFY_CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'iframe', 'script'],
  FORBID_ATTR: ['style'],
  ALLOW_DATA_ATTR: true,
};

/** Renders Markdown to a sanitised fragment owned by the current document. */
export function renderMarkdown(source: string, options: RenderOptions = {}): DocumentFragment {
  const html = md().render(source, { rewriteLink: options.rewriteLink });
  const clean = DOMPurify.sanitize(html, { ...PURIFY_CONFIG, RETURN_DOM_FRAGMENT: true });
  const fragment = document.importNode(clean, true);

  for (const el of Array.from(fragment.querySelectorAll('*'))) {
    // Defence in depth: DOMPurify already drops event handlers.
    for (const attr of Array.from(el.attributes)) if (/^on/i.test(attr.name)) el.removeAttribute(attr.name);
  }
  for (const heading of Array.from(fragment.querySelectorAll(`[${HEADING_ATTR}]`))) {
    const id = heading.getAttribute(HEADING_ATTR) ?? '';
    heading.removeAttribute(HEADING_ATTR);
    if (SAFE_ID.test(id)) heading.id = id;
  }
  for (const link of Array.from(fragment.querySelectorAll('a'))) {
    const href = link.getAttribute('href');
    if (href === null || safeHref(href) !== href) link.replaceWith(...Array.from(link.childNodes));
  }
  for (const img of Array.from(fragment.querySelectorAll('img'))) {
    const diagram = img.getAttribute('data-diagram');
    const src = diagram ? `diagram:${diagram}` : (img.getAttribute('src') ?? '');
    if (!diagram && !isRelativePath(src)) {
      img.replaceWith(img.alt);
      continue;
    }
    const replacement = options.resolveImage?.(src, img.alt);
    if (replacement) img.replaceWith(replacement);
  }
  return fragment;
}

/** Headings that carry a `{#id}`, in order, for tables of contents. */
export function extractHeadings(source: string): Heading[] {
  const tokens = md().parse(source, {});
  const headings: Heading[] = [];
  tokens.forEach((token, i) => {
    if (token.type !== 'heading_open') return;
    const id = attr(token, HEADING_ATTR);
    if (!id) return;
    headings.push({ level: Number(token.tag.slice(1)), id, text: inlineText(tokens[i + 1]?.children ?? null).trim() });
  });
  return headings;
}
