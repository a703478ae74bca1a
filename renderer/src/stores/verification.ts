// TEE verification results as they arrive (verify.updated / verify.run), over the copy
// stored on each message, and which replies are being checked right now.
import { create } from 'zustand';
import type { Message, VerificationResult } from '../../../shared/domain';
import { api } from '../bridge';
import { providerById, useProviders } from './providers';
import { useSettings } from './settings';

/** How long "Verifying…" waits for an automatic result before offering "Verify" instead. */
const PENDING_MS = 30_000;

interface VerificationState {
  results: Record<string, VerificationResult>;
  /** Checks under way: automatic ones expected after chat.done, and manual ones. */
  pending: Record<string, true>;
  /** A reply settled: if it is eligible and automatic verification is on, a result is coming. */
  replyDone(message: Message): void;
  settle(messageId: string, result: VerificationResult): void;
  run(messageId: string): Promise<VerificationResult>;
}

/** A Private reply from NEAR AI Cloud: the only kind the provider signs. */
export function isEligible(message: Message, providerKind: string | null | undefined): boolean {
  return message.role === 'assistant' && message.privacy === 'private' && providerKind === 'near';
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();

export const useVerification = create<VerificationState>((set, get) => {
  const unpend = (id: string) => {
    clearTimeout(timers.get(id));
    timers.delete(id);
    set((s) => {
      if (!s.pending[id]) return s;
      const pending = { ...s.pending };
      delete pending[id];
      return { pending };
    });
  };
  return {
    results: {},
    pending: {},

    replyDone(message) {
      const kind = providerById(useProviders.getState().list, message.providerId)?.kind;
      if (!isEligible(message, kind) || message.verification || get().results[message.id]) return;
      if (!useSettings.getState().settings?.autoVerify) return;
      // Nothing streamed: the backend keeps no bytes and checks nothing.
      if (!message.content && !message.reasoning) return;
      set((s) => ({ pending: { ...s.pending, [message.id]: true } }));
      timers.set(
        message.id,
        setTimeout(() => unpend(message.id), PENDING_MS),
      );
    },

    settle(messageId, result) {
      unpend(messageId);
      set((s) => ({ results: { ...s.results, [messageId]: result } }));
    },

    async run(messageId) {
      set((s) => ({ pending: { ...s.pending, [messageId]: true } }));
      try {
        const result = await api('verify.run', { messageId });
        get().settle(messageId, result);
        return result;
      } finally {
        unpend(messageId);
      }
    },
  };
});
