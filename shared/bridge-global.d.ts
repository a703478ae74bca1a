// Types window.api as the preload exposes it (absent in browser mode, where the renderer uses its WebSocket bridge).
import type { Bridge } from './api';

declare global {
  interface Window {
    api?: Bridge;
  }
}

export {};
