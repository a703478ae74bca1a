// KaTeX for math nodes from remark-math (and ```math blocks), with its stylesheet: both load
// only once a text has math in it.
import type { Root } from 'hast';
import rehypeKatex from 'rehype-katex';
import { VFile } from 'vfile';
import 'katex/dist/katex.min.css';

// rehype-katex's own types leave out KaTeX's throwOnError (it retries without it); strict off keeps models' loose TeX quiet.
const options = { throwOnError: false, strict: false } as Parameters<typeof rehypeKatex>[0];
const transform = rehypeKatex(options) as unknown as (tree: Root, file: VFile) => void;

export function math(tree: Root): void {
  transform(tree, new VFile());
}
