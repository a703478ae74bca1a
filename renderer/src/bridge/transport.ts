import type { Bridge } from '../../../shared/api';
import { useConnection } from './connection';
import { createWsBridge, readToken } from './ws-bridge';

function pickBridge(): Bridge {
  if (window.api) {
    useConnection.getState().set('open');
    return window.api;
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createWsBridge(`${scheme}://${location.host}/api?token=${encodeURIComponent(readToken())}`);
}

export const bridge: Bridge = pickBridge();
