// Which modifier symbols to show and whether the page runs inside the desktop app.
import type { Platform } from '../../../../shared/shortcuts';

interface UaData {
  platform?: string;
}

function detect(): Platform {
  const nav = navigator as Navigator & { userAgentData?: UaData };
  const name = nav.userAgentData?.platform || navigator.platform || '';
  return /mac|iphone|ipad/i.test(name) ? 'mac' : 'other';
}

export const platform: Platform = detect();

/** Electron's preload exposes window.api; a browser tab talks over a WebSocket instead. */
export const isDesktop = typeof window !== 'undefined' && !!window.api;
