// "Regenerate with…": choose a provider and model for a new answer in place of the last one.
// (The model picker sets a conversation's model; this only returns a choice.)
import { useId, useMemo, useState } from 'react';
import type { Message } from '../../../../shared/domain';
import { errorMessage } from '../../bridge';
import { useCatalog } from '../../stores/catalog';
import { useConversations } from '../../stores/conversations';
import { useProviders } from '../../stores/providers';
import { Dialog } from '../common/Dialog';
import { FormFooter } from '../common/FormFooter';
import { regenerate } from './regenerate';

export default function RegenerateDialog({ message, onClose }: { message: Message; onClose(): void }) {
  const conversation = useConversations((s) => s.list.find((c) => c.id === message.conversationId));
  const providers = useProviders((s) => s.list);
  const models = useCatalog((s) => s.models);
  const [providerId, setProviderId] = useState(conversation?.providerId ?? message.providerId ?? providers.find((p) => p.hasKey)?.id ?? '');
  const [modelId, setModelId] = useState(conversation?.modelId ?? message.modelRequested ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const listId = useId();
  const suggestions = useMemo(() => models.filter((m) => m.provider === providerId && m.chat), [models, providerId]);
  const provider = providers.find((p) => p.id === providerId);

  const run = async () => {
    const model = modelId.trim();
    if (!providerId) return setError('Choose a provider.');
    if (!model) return setError('Enter a model id.');
    setBusy(true);
    setError(null);
    try {
      await regenerate(message, { providerId, modelId: model });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
      setBusy(false);
    }
  };

  return (
    <Dialog title="Regenerate with" onClose={onClose} className="regenerate-dialog">
      <form
        className="regenerate-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <p className="section-note">A new answer replaces the last one. The model you choose becomes this conversation’s model.</p>
        <label className="field">
          <span>Provider</span>
          <select
            value={providerId}
            onChange={(e) => {
              setProviderId(e.target.value);
              setModelId(providers.find((p) => p.id === e.target.value)?.defaultModel ?? '');
            }}
          >
            {providers.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
                {p.hasKey ? '' : ' (no key)'}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>Model</span>
          <input value={modelId} list={listId} onChange={(e) => setModelId(e.target.value)} spellCheck={false} autoComplete="off" placeholder="Model id" />
          <datalist id={listId}>
            {suggestions.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </datalist>
        </label>
        {provider && !provider.hasKey && <p className="hint warn">{provider.name} has no API key yet.</p>}
        <FormFooter error={error} busy={busy} submitLabel="Regenerate" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
