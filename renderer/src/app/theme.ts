import type { Settings } from '../../../shared/api';
import type { Theme } from '../stores/settings';

export type TextSize = Settings['textSize'];

const THEME_KEY = 'parley.theme';
const TEXT_SIZE_KEY = 'parley.textSize';
/** Body text; the UI chrome keeps its own sizes so controls stay aligned. */
export const TEXT_SIZES: Readonly<Record<TextSize, string>> = { small: '13.5px', medium: '14.5px', large: '16.5px' };
const isTextSize = (v: unknown): v is TextSize => v === 'small' || v === 'medium' || v === 'large';
const media = () => window.matchMedia('(prefers-color-scheme: dark)');

export function resolveTheme(theme: Theme): 'light' | 'dark' {
  return theme === 'system' ? (media().matches ? 'dark' : 'light') : theme;
}

let current: Theme = 'system';

export function applyTheme(theme: Theme): void {
  current = theme;
  document.documentElement.dataset.theme = resolveTheme(theme);
  try {
    // Remembered locally only to avoid a flash of the wrong palette at the next start.
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    // ignore
  }
}

export function applyTextSize(size: TextSize): void {
  const root = document.documentElement;
  root.dataset.textSize = size;
  root.style.setProperty('--text-base', TEXT_SIZES[size]);
  try {
    localStorage.setItem(TEXT_SIZE_KEY, size); // As with the theme: no jump in size at the next start.
  } catch {
    // ignore
  }
}

export function initTheme(): void {
  let size: TextSize = 'medium';
  try {
    const v = localStorage.getItem(TEXT_SIZE_KEY);
    if (isTextSize(v)) size = v;
  } catch {
    // ignore
  }
  applyTextSize(size);
  let saved: Theme = 'system';
  try {
    const v = localStorage.getItem(THEME_KEY);
    if (v === 'light' || v === 'dark' || v === 'system') saved = v;
  } catch {
    // ignore
  }
  applyTheme(saved);
  media().addEventListener('change', () => {
    if (current === 'system') applyTheme('system');
  });
}
