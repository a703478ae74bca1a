import { useState } from 'react';
import type { Message } from '../../../../shared/domain';
import { api, errorMessage } from '../../bridge';
import { useMessages } from '../../stores/messages';
import { FormFooter } from '../common/FormFooter';

/** Inline editor for one of the user's messages: "Save and resend" replaces what followed it. */
export function MessageEditor({ message, onClose }: { message: Message; onClose(): void }) {
  const [text, setText] = useState(message.content);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    if (!text.trim()) return setError('The message is empty.');
    setBusy(true);
    setError(null);
    try {
      const { user, assistant, removedIds } = await api('chat.edit', { messageId: message.id, text });
      const store = useMessages.getState();
      store.removeIds(message.conversationId, removedIds);
      store.upsert(user);
      store.upsert(assistant);
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };
  return (
    <form
      className="message-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <textarea
        aria-label="Edit message"
        value={text}
        autoFocus
        rows={Math.min(12, Math.max(2, text.split('\n').length))}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
          } else if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void save();
          }
        }}
      />
      <p className="editor-note">Later messages in this conversation will be replaced by the new reply.</p>
      <FormFooter error={error} busy={busy} submitLabel="Save and resend" onCancel={onClose} compact />
    </form>
  );
}
