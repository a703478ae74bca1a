// `--profile`: a CPU profile of the renderer (CDP Profiler) while streaming, saved as
// .cpuprofile (open in Chrome DevTools) with the top functions by self time printed.
import fs from 'node:fs';
import type { Page } from 'playwright-core';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export async function startProfile(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return {
    async stop(file: string) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
      await cdp.detach();
      fs.writeFileSync(file, JSON.stringify(profile));
      process.stderr.write(`bench: profile ${file}\nself:\n${topSelf(profile).join('\n')}\ntotal:\n${topTotal(profile).join('\n')}\n`);
    },
  };
}

const keyOf = (f: ProfileNode['callFrame']) => `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;

/** Inclusive time per function (a function on the stack twice counts once per sample). */
function topTotal(p: Profile, n = 40): string[] {
  const parent = new Map<number, number>();
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const total = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const k = keyOf(byId.get(cur)!.callFrame);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  });
  return [...total.entries()]
    .filter(([k]) => !k.startsWith('(root)') && !k.startsWith('(idle)'))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${k}`);
}

function topSelf(p: Profile, n = 25): string[] {
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  const self = new Map<string, number>();
  let total = 0;
  p.samples.forEach((id, i) => {
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const f = byId.get(id)!.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${k}`);
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

/** `--trace`: a Chromium timeline trace while streaming; prints where the renderer main thread spent its time. */
export async function startTrace(page: Page) {
  const browser = page.context().browser()!;
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8.execute', 'blink.user_timing'] });
  return {
    async stop(file: string) {
      const buf = await browser.stopTracing();
      fs.writeFileSync(file, buf);
      const events = (JSON.parse(buf.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
      const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
      const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur);
      // Self time: each event's duration minus its children's on the same thread.
      const by = new Map<string, { ms: number; n: number }>();
      const sorted = mine.map((e) => ({ ...e, ts: (e as unknown as { ts: number }).ts, self: e.dur! })).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
      const stack: typeof sorted = [];
      for (const e of sorted) {
        while (stack.length && stack[stack.length - 1]!.ts + stack[stack.length - 1]!.dur! <= e.ts) stack.pop();
        if (stack.length) stack[stack.length - 1]!.self -= e.dur!;
        stack.push(e);
      }
      for (const e of sorted) {
        const v = by.get(e.name) ?? { ms: 0, n: 0 };
        v.ms += Math.max(0, e.self) / 1000;
        v.n++;
        by.set(e.name, v);
      }
      const top = [...by.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 30);
      process.stderr.write(`bench: trace ${file} (renderer main thread, self times)\n${top.map(([k, v]) => `${v.ms.toFixed(0).padStart(7)} ms ${String(v.n).padStart(6)}×  ${k}`).join('\n')}\n`);
    },
  };
}
