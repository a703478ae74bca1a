import type { Theme } from '../stores/settings';

const THEME_KEY = 'parley.theme';
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

export function initTheme(): void {
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
