// Transport health, shown as a banner. Electron IPC is always "open".
import { create } from 'zustand';

export type ConnectionStatus = 'connecting' | 'open' | 'reconnecting';

interface ConnectionState {
  status: ConnectionStatus;
  /** Bumped on every successful reconnect so views can refetch what they missed. */
  epoch: number;
  set(status: ConnectionStatus): void;
}

export const useConnection = create<ConnectionState>((set) => ({
  status: 'connecting',
  epoch: 0,
  set: (status) => set((s) => ({ status, epoch: status === 'open' && s.status === 'reconnecting' ? s.epoch + 1 : s.epoch })),
}));
