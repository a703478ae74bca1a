// The in-page probe, installed before the app's own scripts (page.addInitScript). It leaves
// the app's DOM alone (its only element is a hidden 1-2 px sizer); it samples what a frame
// shows after that frame's layout, and timestamps it once the frame has been rendered (see
// sample() below). Times are performance.timeOrigin + performance.now(), the clock base the
// emulator stamps chunks with.
//
// Kept as plain JavaScript in a string: it runs in the page exactly as written.
import type { Page } from 'playwright-core';

export interface ProbeSample {
  /** Letters and digits of the streaming reply's Markdown as painted (code-block headers excluded). */
  n: number;
  /** When the frame that shows it had been laid out, just before its paint. */
  raf: number;
  /** After that frame was rendered. */
  t: number;
}

export interface ProbeState {
  interactiveAt: number | null;
  markers: Record<string, number>;
  lastClickAt: number | null;
  samples: ProbeSample[];
  streamFinalAt: number | null;
  longTasks: { start: number; duration: number }[];
}

export const PROBE_SOURCE = String.raw`
(() => {
  if (window.__bench) return;
  const now = () => performance.timeOrigin + performance.now();
  const alnum = (s) => {
    let n = 0;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) n++;
    }
    return n;
  };
  const state = { interactiveAt: null, markers: {}, lastClickAt: null, samples: [], streamFinalAt: null, longTasks: [] };
  const watched = new Set();
  let streaming = false;
  let article = null;
  let textSeen = false;
  /** The message the bench sent for the stream being measured. */
  let prompt = '';

  /** The assistant reply in the row after the newest user message that reads text. */
  function replyTo(text) {
    if (!text) return null;
    const asked = [...document.querySelectorAll('article.message.user')].filter((a) => (a.textContent || '').includes(text));
    const row = asked.length ? asked[asked.length - 1].closest('[data-index]') : null;
    const next = row ? row.nextElementSibling : null;
    return next ? next.querySelector('article.message.assistant') : null;
  }
  const afterFrame = [];
  const runAfterFrame = () => {
    const t = now();
    for (const f of afterFrame.splice(0)) f(t);
  };
  // The first task after the frame, ahead of ordinary tasks already queued (e.g. React's
  // effects, a WebSocket message): those run after the paint and are not part of it.
  const channel = new MessageChannel();
  channel.port1.onmessage = runAfterFrame;
  const postAfterFrame = typeof scheduler !== 'undefined' && scheduler.postTask
    ? () => scheduler.postTask(runAfterFrame, { priority: 'user-blocking' })
    : () => channel.port2.postMessage(0);

  // Counting a long reply's whole text every frame would cost the page more than the app's
  // own work; each top-level block's count is kept until a mutation touches that block.
  const counts = new WeakMap();
  const blockOf = (node) => {
    while (node && node.parentNode) {
      const p = node.parentNode;
      if (p.nodeType === 1 && p.classList.contains('markdown')) return node;
      node = p;
    }
    return null;
  };
  function visible(md) {
    let n = 0;
    for (const c of md.childNodes) {
      let v = counts.get(c);
      if (v === undefined) {
        v = alnum(c.textContent || '');
        if (c.nodeType === 1) {
          for (const h of c.querySelectorAll('.code-header')) v -= alnum(h.textContent || '');
          counts.set(c, v);
        }
      }
      n += v;
    }
    return n;
  }

  // Sampling happens after the frame's layout and before its paint: a ResizeObserver on a
  // tiny hidden element, resized whenever there is something to sample, delivers right there,
  // after every requestAnimationFrame callback of the frame (an app that renders in rAF is
  // seen in the frame that paints it, not a frame late). The time recorded is taken after the
  // frame has been rendered (a task posted from that point runs after paint; it is posted at
  // user-blocking priority so that tasks already queued do not delay the reading).
  let sizer = null;
  let flipped = false;
  let wide = false;
  const ro = new ResizeObserver(() => { flipped = false; sample(); });
  function kick() {
    if (flipped) return;
    if (!sizer) {
      if (!document.body) return;
      sizer = document.createElement('div');
      sizer.setAttribute('aria-hidden', 'true');
      sizer.style.cssText = 'position:fixed;left:0;top:0;height:1px;width:1px;opacity:0;pointer-events:none;';
      document.body.appendChild(sizer);
      ro.observe(sizer);
    }
    flipped = true;
    wide = !wide;
    sizer.style.width = wide ? '2px' : '1px';
  }
  const wanted = () => state.interactiveAt === null || watched.size > 0 || streaming;

  /** The text is in the DOM, visible (not hidden, not transparent) and inside the viewport: it is on screen. */
  function onScreen(root, text) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (!n.data.includes(text)) continue;
      const el = n.parentElement;
      if (!el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return false;
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    }
    return false;
  }

  function sample() {
    const at = now();
    const todo = [];
    if (state.interactiveAt === null) {
      const box = document.querySelector('textarea[aria-label="Message"]');
      if (box && !box.disabled) todo.push((t) => { state.interactiveAt = t; });
    }
    if (watched.size) {
      const list = document.querySelector('.message-list');
      const text = list ? list.textContent || '' : '';
      for (const m of [...watched]) if (text.includes(m) && onScreen(list, m)) { watched.delete(m); todo.push((t) => { state.markers[m] = t; }); }
    }
    if (streaming) {
      if (!article || !article.isConnected) {
        // The reply to this stream's prompt, streaming or already done: a short fast stream
        // can finish between two frames. Found again if the list re-creates its row.
        article = replyTo(prompt);
      }
      if (article) {
        const md = article.querySelector('.markdown');
        const n = md ? visible(md) : 0;
        const done = !article.classList.contains('streaming');
        todo.push((t) => {
          state.samples.push({ n, raf: at, t });
          // Marks for --trace (the blink.user_timing category): where a stream's text starts and ends.
          if (n > 0 && !textSeen) { textSeen = true; performance.mark('bench-first-text'); }
          if (done && state.streamFinalAt === null) { state.streamFinalAt = t; performance.mark('bench-final'); }
        });
        if (done) streaming = false;
      }
    }
    if (todo.length) {
      afterFrame.push((t) => { for (const f of todo) f(t); });
      postAfterFrame();
    }
  }

  // Frames are sampled after a DOM change only (a change made in a requestAnimationFrame
  // callback is sampled in that same frame). Sampling every frame would make the page render
  // frames it would otherwise skip, taking CPU from the stream being measured.
  const schedule = () => { if (wanted()) kick(); };
  document.addEventListener('DOMContentLoaded', schedule);
  new MutationObserver((records) => {
    if (records.every((r) => r.target === sizer)) return;
    if (streaming) for (const r of records) { const b = blockOf(r.target); if (b) counts.delete(b); }
    schedule();
  }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['class', 'style', 'hidden', 'disabled', 'aria-busy'] });
  // Scrolling changes what is on screen without touching the DOM.
  document.addEventListener('scroll', schedule, { capture: true, passive: true });
  document.addEventListener('click', (e) => { state.lastClickAt = performance.timeOrigin + e.timeStamp; }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) state.longTasks.push({ start: performance.timeOrigin + e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}

  window.__bench = {
    state,
    now,
    watch(marker) { watched.add(marker); schedule(); },
    streamStart(text) { state.samples = []; state.streamFinalAt = null; article = null; textSeen = false; prompt = text; streaming = true; kick(); },
    read() { return JSON.parse(JSON.stringify(state)); },
    ready(c, m) {
      if (c === 'interactive') return state.interactiveAt !== null;
      if (c === 'marker') return state.markers[m] !== undefined;
      if (c === 'streamFinal') return state.streamFinalAt !== null;
      throw new Error('unknown condition ' + c);
    },
  };
})();
`;

/** The probe, optionally already watching for a text (e.g. the newest message of the conversation the app opens on). */
export function probeScript(watch?: string): string {
  return PROBE_SOURCE + (watch ? `\nwindow.__bench.watch(${JSON.stringify(watch)});\n` : '');
}

// Page-side calls, as expressions: the bench compiles without the DOM library.

export const readProbe = (page: Page) => page.evaluate('window.__bench.read()') as Promise<ProbeState>;

export type ProbeCondition = 'interactive' | 'marker' | 'streamFinal';

/** Waits until the probe reports `condition` (with `marker`: that text painted). */
export async function waitProbe(page: Page, condition: ProbeCondition, marker: string | null, opts: { timeout: number; polling?: number }): Promise<void> {
  await page.waitForFunction(
    ([c, m]) => (globalThis as unknown as { __bench: { ready(c: string, m: string | null): boolean } }).__bench.ready(c, m),
    [condition, marker] as const,
    { timeout: opts.timeout, polling: opts.polling ?? 100 },
  );
}
