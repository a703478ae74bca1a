// The drag handle between the sidebar and the chat: a focusable vertical separator
// (ArrowLeft/Right resize, Home/End jump to the limits). While dragging it writes the CSS
// variable directly, so the app does not re-render per pointer move; settings.update
// persists the width when the drag or key press ends.
import { useRef, type KeyboardEvent, type PointerEvent } from 'react';
import { errorMessage } from '../../bridge';
import { useSettings } from '../../stores/settings';
import { useUi } from '../../stores/ui';

export const SIDEBAR_MIN = 180;
export const SIDEBAR_MAX = 600;
const STEP = 16;
export const SIDEBAR_VAR = '--sidebar-user-width';

/** Dragging stops where the layout does (desktop.css caps the sidebar at half the window). */
const clampWidth = (w: number) => Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, window.innerWidth / 2), Math.max(SIDEBAR_MIN, w)));

export function SidebarResizer({ width }: { width: number }) {
  const current = useRef(width);
  current.current = width;
  const drag = useRef<{ startX: number; startW: number } | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const show = (el: HTMLElement, w: number) => {
    current.current = w;
    el.closest<HTMLElement>('.app')?.style.setProperty(SIDEBAR_VAR, `${w}px`);
    el.setAttribute('aria-valuenow', String(w));
  };
  const save = (w: number, delay = 0) => {
    clearTimeout(saveTimer.current);
    saveTimer.current = setTimeout(() => {
      if (useSettings.getState().settings?.sidebarWidth === w) return;
      useSettings
        .getState()
        .update({ sidebarWidth: w })
        .catch((err) => useUi.getState().toast('error', `Could not save the sidebar width: ${errorMessage(err)}`));
    }, delay);
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.setPointerCapture(e.pointerId);
    e.currentTarget.focus();
    drag.current = { startX: e.clientX, startW: current.current };
    document.documentElement.classList.add('resizing-sidebar');
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (d) show(e.currentTarget, clampWidth(d.startW + e.clientX - d.startX));
  };
  const onPointerEnd = () => {
    if (!drag.current) return;
    drag.current = null;
    document.documentElement.classList.remove('resizing-sidebar');
    save(current.current);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const w = current.current;
    const next =
      e.key === 'ArrowLeft' ? w - STEP : e.key === 'ArrowRight' ? w + STEP : e.key === 'Home' ? SIDEBAR_MIN : e.key === 'End' ? SIDEBAR_MAX : null;
    if (next === null) return;
    e.preventDefault();
    show(e.currentTarget, clampWidth(next));
    save(current.current, 400); // Holding an arrow key saves once, after it is let go.
  };

  return (
    <div
      className="sidebar-resizer"
      role="separator"
      aria-orientation="vertical"
      aria-label="Resize sidebar"
      aria-valuemin={SIDEBAR_MIN}
      aria-valuemax={SIDEBAR_MAX}
      aria-valuenow={width}
      tabIndex={0}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerEnd}
      onPointerCancel={onPointerEnd}
      onLostPointerCapture={onPointerEnd}
      onKeyDown={onKeyDown}
      onDoubleClick={(e) => {
        show(e.currentTarget, 280);
        save(280);
      }}
    />
  );
}
