// Syntax highlighting (highlight.js via lowlight) and math (KaTeX) are the heavy parts of the
// Markdown stack. Each loads as its own chunk the first time a rendered text needs it; blocks
// subscribe to `version` and render again once it is there.
import type { Root } from 'hast';

export interface Extras {
  highlight?: (tree: Root) => void;
  math?: (tree: Root) => void;
}

let extras: Extras = {};
let version = 0;
const listeners = new Set<() => void>();
const loading = new Set<keyof Extras>();

export const getExtras = () => extras;
export const getVersion = () => version;

export function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function set(patch: Extras) {
  extras = { ...extras, ...patch };
  version++;
  for (const l of listeners) l();
}

/** Starts loading what a text needs (once); blocks re-render when it arrives. */
export function ensure(needs: { code: boolean; math: boolean }): void {
  if (needs.code && !extras.highlight && !loading.has('highlight')) {
    loading.add('highlight');
    void import('./highlight').then((m) => set({ highlight: m.highlight }), () => loading.delete('highlight'));
  }
  if (needs.math && !extras.math && !loading.has('math')) {
    loading.add('math');
    void import('./math').then((m) => set({ math: m.math }), () => loading.delete('math'));
  }
}
