// Saved window geometry: validation of the JSON file and clamping to the displays
// that exist now (a monitor may have been unplugged since the last run).
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface WindowState extends Rect {
  maximized: boolean;
}
/** What to pass to BrowserWindow: no x/y means "let the OS centre it". */
export interface InitialBounds {
  bounds: { width: number; height: number; x?: number; y?: number };
  maximized: boolean;
}

export const MIN_WIDTH = 560;
export const MIN_HEIGHT = 400;
export const DEFAULT_SIZE = { width: 1200, height: 800 } as const;
/** At least this much of the window must overlap a display to keep its position. */
const MIN_VISIBLE = 100;

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) < 1e6;

export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const r = raw as Record<string, unknown>;
  if (!isInt(r.x) || !isInt(r.y) || !isInt(r.width) || !isInt(r.height)) return null;
  if (r.width <= 0 || r.height <= 0) return null;
  return {
    x: Math.round(r.x),
    y: Math.round(r.y),
    width: Math.round(r.width),
    height: Math.round(r.height),
    maximized: r.maximized === true,
  };
}

function overlap(a: Rect, b: Rect): { w: number; h: number } {
  return {
    w: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    h: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), Math.max(lo, hi));

/** `workAreas[0]` is taken to be the primary display. */
export function restoreBounds(saved: WindowState | null, workAreas: readonly Rect[]): InitialBounds {
  const primary = workAreas[0];
  const fitSize = (w: number, h: number, area: Rect | undefined) => ({
    width: area ? clamp(w, Math.min(MIN_WIDTH, area.width), area.width) : Math.max(w, MIN_WIDTH),
    height: area ? clamp(h, Math.min(MIN_HEIGHT, area.height), area.height) : Math.max(h, MIN_HEIGHT),
  });
  if (!saved) return { bounds: fitSize(DEFAULT_SIZE.width, DEFAULT_SIZE.height, primary), maximized: false };

  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const o = overlap(saved, area);
    if (o.w >= Math.min(MIN_VISIBLE, saved.width) && o.h >= Math.min(MIN_VISIBLE, saved.height) && o.w * o.h > bestArea) {
      best = area;
      bestArea = o.w * o.h;
    }
  }
  if (!best) return { bounds: fitSize(saved.width, saved.height, primary), maximized: saved.maximized };

  const size = fitSize(saved.width, saved.height, best);
  return {
    bounds: {
      ...size,
      x: clamp(saved.x, best.x, best.x + best.width - size.width),
      y: clamp(saved.y, best.y, best.y + best.height - size.height),
    },
    maximized: saved.maximized,
  };
}
