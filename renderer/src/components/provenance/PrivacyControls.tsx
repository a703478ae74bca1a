// The conversation header's privacy corner: the current model's badge and the
// "Private models only" switch (the backend refuses non-Private sends while it is on).
import { useState } from 'react';
import { errorMessage } from '../../bridge';
import { api } from '../../bridge';
import { findModel, useCatalog } from '../../stores/catalog';
import { useConversations } from '../../stores/conversations';
import { useUi } from '../../stores/ui';
import { PrivacyBadge } from './PrivacyBadge';

export function PrivacyControls({ conversationId }: { conversationId: string }) {
  const conversation = useConversations((s) => s.list.find((c) => c.id === conversationId));
  const privacy = useCatalog((s) => (conversation ? (findModel(s.models, conversation.providerId, conversation.modelId)?.privacy ?? null) : null));
  const [busy, setBusy] = useState(false);
  // Shown at once while the change is saved (a switch that lags a click feels broken).
  const [pending, setPending] = useState<boolean | null>(null);
  if (!conversation) return null;

  const toggle = async (on: boolean) => {
    setBusy(true);
    setPending(on);
    try {
      const c = await api('conversations.update', { id: conversationId, privateOnly: on });
      useConversations.getState().upsert(c);
      // Turning it on with a non-Private model: offer the Private ones straight away.
      if (on && privacy !== 'private') useUi.getState().openModelPicker();
    } catch (err) {
      useUi.getState().toast('error', `Could not change the privacy setting: ${errorMessage(err)}`);
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  return (
    <div className="privacy-controls">
      {conversation.modelId && <PrivacyBadge privacy={privacy ?? 'standard'} />}
      <label className="p-switch" title="Only Private (TEE) models may answer in this conversation">
        <input type="checkbox" role="switch" checked={pending ?? conversation.privateOnly} aria-busy={busy} onChange={(e) => !busy && void toggle(e.target.checked)} />
        <span className="p-switch-track" aria-hidden="true" />
        <span className="p-switch-label">Private models only</span>
      </label>
    </div>
  );
}
