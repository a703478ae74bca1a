// Markdown → HAST → React with one unified processor built once. (react-markdown builds a
// new processor on every render, and rehype-highlight registers all its languages each
// time: most of a streaming frame went there.) Syntax highlighting and KaTeX are separate
// chunks, loaded the first time a text needs them (see extras.ts); until then code shows
// plain and math as its source.
import type { Element, ElementContent, Nodes, Root } from 'hast';
import { toJsxRuntime, type Components } from 'hast-util-to-jsx-runtime';
import { urlAttributes } from 'html-url-attributes';
import type { ReactElement } from 'react';
import { Fragment, jsx, jsxs } from 'react/jsx-runtime';
import { defaultUrlTransform } from 'react-markdown';
import remarkGfm from 'remark-gfm';
import remarkMath from 'remark-math';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import type { Extras } from './extras';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkMath).use(remarkRehype, { allowDangerousHtml: true }).freeze();

export interface Needs {
  /** Languages of fenced code blocks (highlighting needs the highlighter). */
  code: boolean;
  math: boolean;
}

/** Parses Markdown to HAST, made safe to render: raw HTML shows as text and URLs are filtered as react-markdown does. */
export function toHast(markdown: string): { tree: Root; needs: Needs } {
  const tree = processor.runSync(processor.parse(markdown)) as Root;
  const needs: Needs = { code: false, math: false };
  walk(tree, needs);
  return { tree, needs };
}

function walk(node: Root | Element, needs: Needs): void {
  const children = node.children as (ElementContent | Nodes)[];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === 'raw') {
      children[i] = { type: 'text', value: child.value };
      continue;
    }
    if (child.type !== 'element') continue;
    for (const key in urlAttributes) {
      if (!Object.hasOwn(child.properties, key)) continue;
      const test = urlAttributes[key];
      if (test === null || (test !== undefined && test.includes(child.tagName))) child.properties[key] = defaultUrlTransform(String(child.properties[key] ?? ''));
    }
    const cls = child.properties.className;
    if (Array.isArray(cls)) {
      if (cls.includes('math-inline') || cls.includes('math-display') || cls.includes('language-math')) needs.math = true;
      else if (child.tagName === 'code' && node.type === 'element' && node.tagName === 'pre' && cls.some((c) => String(c).startsWith('language-'))) needs.code = true;
    }
    walk(child, needs);
  }
}

/** The parsed tree as React elements, with whichever extras it needs and are loaded applied first. */
export function toReact(parsed: { tree: Root; needs: Needs }, components: Components, extras: Extras): ReactElement {
  if (parsed.needs.math && extras.math) extras.math(parsed.tree);
  if (parsed.needs.code && extras.highlight) extras.highlight(parsed.tree);
  return toJsxRuntime(parsed.tree, { Fragment, jsx, jsxs, components, ignoreInvalidStyle: true, passKeys: true, passNode: true });
}
