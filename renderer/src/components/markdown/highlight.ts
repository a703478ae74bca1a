// Code highlighting with one lowlight instance for the app's lifetime (rehype-highlight
// would register every language again for each processor). Same output as rehype-highlight
// with detect off: `hljs` + highlighted spans for a known `language-*`; plain text otherwise.
import type { Element, ElementContent, Root } from 'hast';
import { toText } from 'hast-util-to-text';
import { common, createLowlight } from 'lowlight';
import { visit } from 'unist-util-visit';

const lowlight = createLowlight(common);
const PLAIN = new Set(['text', 'txt', 'plain']);

function language(node: Element): string | null {
  const list = node.properties.className;
  if (!Array.isArray(list)) return null;
  for (const c of list) {
    const v = String(c);
    if (v.startsWith('language-')) return v.slice(9);
    if (v.startsWith('lang-')) return v.slice(5);
  }
  return null;
}

export function highlight(tree: Root): void {
  visit(tree, 'element', (node, _index, parent) => {
    if (node.tagName !== 'code' || !parent || parent.type !== 'element' || parent.tagName !== 'pre') return;
    const lang = language(node);
    if (!lang || PLAIN.has(lang) || !lowlight.registered(lang)) return;
    const cls = Array.isArray(node.properties.className) ? node.properties.className : [];
    if (!cls.includes('hljs')) node.properties.className = ['hljs', ...cls];
    const result = lowlight.highlight(lang, toText(node, { whitespace: 'pre' }));
    if (result.children.length > 0) node.children = result.children as ElementContent[];
  });
}
