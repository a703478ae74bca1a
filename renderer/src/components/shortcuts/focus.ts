// Focus helpers for commands that point at elements other components own.

/** Is the event target a place where typing text goes? */
export function isTextField(el: EventTarget | null): boolean {
  if (!(el instanceof HTMLElement)) return false;
  if (el.isContentEditable) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset', 'color', 'file'].includes(el.type);
  return false;
}

export const COMPOSER_ID = 'composer-input';

export function focusComposer(): boolean {
  const el = document.getElementById(COMPOSER_ID);
  if (!(el instanceof HTMLElement)) return false;
  el.focus();
  return true;
}

/**
 * Runs `then` on the element `find` returns, once it exists (dialogs load lazily). Gives up
 * after `timeoutMs`; resolves whether it found it.
 */
export function whenPresent(find: () => HTMLElement | null, then: (el: HTMLElement) => void, timeoutMs = 3000): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve) => {
    const tick = () => {
      const el = find();
      if (el) {
        then(el);
        return resolve(true);
      }
      if (performance.now() > deadline) return resolve(false);
      requestAnimationFrame(tick);
    };
    tick();
  });
}

/** Focuses `selector` once it exists, scrolled into the middle of its scroll area. */
export function focusWhenPresent(selector: string, timeoutMs = 3000): Promise<boolean> {
  return whenPresent(
    () => document.querySelector<HTMLElement>(selector),
    (el) => {
      el.scrollIntoView({ block: 'center' });
      el.focus();
    },
    timeoutMs,
  );
}

/** Closes every open modal <dialog> the way Escape would (each one's own onCancel/onClose runs). */
export function closeOpenDialogs(): void {
  for (const d of Array.from(document.querySelectorAll('dialog[open]'))) {
    d.dispatchEvent(new Event('cancel', { cancelable: true }));
  }
}

export const anyDialogOpen = () => document.querySelector('dialog[open]') !== null;
