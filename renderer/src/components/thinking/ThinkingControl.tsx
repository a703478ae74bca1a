// The composer's Thinking switch (and effort, for models that take reasoning_effort), stored
// on the conversation. Shown only for models whose catalog entry says how to ask for
// thinking; models that reason with no switch get a quiet note instead.
import { useState } from 'react';
import type { ThinkingSetting } from '../../../../shared/domain';
import { api, errorMessage } from '../../bridge';
import { findModel, useCatalog } from '../../stores/catalog';
import { useConversations } from '../../stores/conversations';
import { useUi } from '../../stores/ui';
import '../../styles/thinking.css';

const EFFORTS: ThinkingSetting['effort'][] = ['low', 'medium', 'high'];

export function ThinkingControl({ conversationId }: { conversationId: string }) {
  const conversation = useConversations((s) => s.list.find((c) => c.id === conversationId));
  // Narrow: only the two facts this control needs, so catalog reloads re-render it only when they change.
  const method = useCatalog((s) => {
    const m = conversation ? findModel(s.models, conversation.providerId, conversation.modelId) : null;
    return m ? (m.thinking === 'none' ? (m.capabilities.reasoning ? 'self' : 'none') : m.thinking) : 'none';
  });
  const [saving, setSaving] = useState(false);
  if (!conversation || method === 'none') return null;
  if (method === 'self')
    return (
      <span className="thinking-note" title="This model reasons before it answers; it offers no switch to turn that off.">
        Thinks by default
      </span>
    );

  const setting = conversation.thinking;
  const update = async (next: ThinkingSetting) => {
    setSaving(true);
    try {
      useConversations.getState().upsert(await api('conversations.update', { id: conversationId, thinking: next }));
    } catch (err) {
      useUi.getState().toast('error', `Could not change thinking: ${errorMessage(err)}`);
    } finally {
      setSaving(false);
    }
  };

  return (
    <span className="thinking-control">
      <button
        type="button"
        className={`thinking-switch${setting.enabled ? ' on' : ''}`}
        aria-pressed={setting.enabled}
        disabled={saving}
        title={setting.enabled ? 'Thinking is on: the model reasons before answering' : 'Thinking is off'}
        onClick={() => void update({ ...setting, enabled: !setting.enabled })}
      >
        <BulbIcon />
        Thinking
      </button>
      {method === 'effort' && setting.enabled && (
        <select
          className="thinking-effort"
          aria-label="Thinking effort"
          value={setting.effort}
          disabled={saving}
          onChange={(e) => void update({ ...setting, effort: e.target.value as ThinkingSetting['effort'] })}
        >
          {EFFORTS.map((e) => (
            <option key={e} value={e}>
              {e[0]!.toUpperCase() + e.slice(1)}
            </option>
          ))}
        </select>
      )}
    </span>
  );
}

const BulbIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" fill="none" aria-hidden="true">
    <path
      d="M6 12.5h4M6.5 14.5h3M8 1.5a4.5 4.5 0 0 0-2.6 8.2c.4.3.6.7.6 1.1v.2h4v-.2c0-.4.2-.8.6-1.1A4.5 4.5 0 0 0 8 1.5z"
      stroke="currentColor"
      strokeWidth="1.4"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);
