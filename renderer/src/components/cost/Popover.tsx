// A small anchored panel under a button: Escape or a click elsewhere closes it and focus
// returns to the button. Used for the cost details, which are too much for one line.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface Props {
  /** The button's content; its accessible name comes from `label` plus that content. */
  trigger: ReactNode;
  /** Names the button (visually hidden prefix) and the panel. */
  label: string;
  className?: string;
  panelClassName?: string;
  /** Which edge of the button the panel lines up with. */
  align?: 'start' | 'end';
  children: ReactNode | ((close: () => void) => ReactNode);
  onOpen?(): void;
}

export function Popover({ trigger, label, className, panelClassName, align = 'start', children, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLSpanElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  useEffect(() => {
    if (!open) return;
    const onDown = (e: MouseEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        // Inside a modal dialog, close only the popover.
        e.stopPropagation();
        e.preventDefault();
        close();
      }
    };
    document.addEventListener('mousedown', onDown);
    // On the document, capturing: focus may have left the panel (a button it disabled while
    // saving drops focus to the page), and Escape must still close it before a dialog sees it.
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('mousedown', onDown);
      document.removeEventListener('keydown', onKey, true);
    };
  }, [open]);

  return (
    <span className={`popover-root ${className ?? ''}`} ref={root}>
      <button
        ref={button}
        type="button"
        className="popover-trigger"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen(!open);
        }}
      >
        <span className="sr-only">{label}: </span>
        {trigger}
      </button>
      {open && (
        <div id={panelId} role="dialog" aria-label={label} className={`popover-panel ${align} ${panelClassName ?? ''}`}>
          {typeof children === 'function' ? children(close) : children}
        </div>
      )}
    </span>
  );
}
