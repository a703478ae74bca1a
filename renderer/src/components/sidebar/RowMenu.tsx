// A small action menu for one conversation row: opens beside its button (fixed, so the
// list's scroll box never clips it); arrows move, Escape/Tab/outside click close.
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';

export interface MenuItem {
  label: string;
  /** Accessible name when the visible label is not enough (e.g. "Rename conversation Trip"). */
  name: string;
  icon?: ReactNode;
  run(): void;
}

interface Props {
  anchor: HTMLElement;
  items: MenuItem[];
  label: string;
  onClose(refocus: boolean): void;
}

export function RowMenu({ anchor, items, label, onClose }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [pos, setPos] = useState<{ top: number; left: number } | null>(null);

  useLayoutEffect(() => {
    const r = anchor.getBoundingClientRect();
    const h = ref.current?.offsetHeight ?? 0;
    const w = ref.current?.offsetWidth ?? 0;
    const top = r.bottom + 4 + h > window.innerHeight ? Math.max(4, r.top - 4 - h) : r.bottom + 4;
    setPos({ top, left: Math.max(4, Math.min(r.right - w, window.innerWidth - w - 4)) });
    ref.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [anchor]);

  useEffect(() => {
    const outside = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose(false);
    };
    document.addEventListener('mousedown', outside);
    return () => document.removeEventListener('mousedown', outside);
  }, [anchor, onClose]);

  const focusAt = (delta: number) => {
    const all = [...(ref.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = all.indexOf(document.activeElement as HTMLElement);
    all[(i + delta + all.length) % all.length]?.focus();
  };

  return (
    <div
      ref={ref}
      role="menu"
      aria-label={label}
      className="row-menu"
      style={pos ? { top: pos.top, left: pos.left } : { visibility: 'hidden' }}
      onKeyDown={(e) => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          focusAt(e.key === 'ArrowDown' ? 1 : -1);
        } else if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onClose(true);
        } else if (e.key === 'Tab') onClose(false);
      }}
    >
      {items.map((item) => (
        <button
          key={item.label}
          type="button"
          role="menuitem"
          tabIndex={-1}
          aria-label={item.name}
          className="row-menu-item"
          onClick={() => {
            onClose(false);
            item.run();
          }}
        >
          {item.icon}
          {item.label}
        </button>
      ))}
    </div>
  );
}
