// A plain chooser for now; the full picker (capabilities, prices, privacy) replaces the list.
import { useMemo, useState } from 'react';
import { errorMessage } from '../../bridge';
import { useCatalog } from '../../stores/catalog';
import { useConversations } from '../../stores/conversations';
import { useProviders } from '../../stores/providers';
import { useUi } from '../../stores/ui';
import { Dialog } from '../common/Dialog';
import { ModelList } from './ModelList';

export function ModelPicker({ conversationId }: { conversationId: string }) {
  const conversation = useConversations((s) => s.list.find((c) => c.id === conversationId));
  const providers = useProviders((s) => s.list);
  const models = useCatalog((s) => s.models);
  const close = () => useUi.getState().openModelPicker(false);
  const [providerId, setProviderId] = useState(conversation?.providerId ?? providers.find((p) => p.hasKey)?.id ?? providers[0]?.id ?? '');
  const [modelId, setModelId] = useState(conversation?.modelId ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const available = useMemo(() => models.filter((m) => m.provider === providerId && m.chat), [models, providerId]);
  const provider = providers.find((p) => p.id === providerId);

  const save = async (id = modelId) => {
    const model = id.trim();
    if (!providerId) return setError('Choose a provider first.');
    if (!model) return setError('Enter a model id or pick one from the list.');
    setSaving(true);
    setError(null);
    try {
      await useConversations.getState().setModel(conversationId, providerId, model);
      close();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog title="Choose a model" onClose={close} className="model-picker">
      <form
        className="picker-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field-row">
          <label className="field">
            <span>Provider</span>
            <select
              value={providerId}
              onChange={(e) => {
                setProviderId(e.target.value);
                const p = providers.find((x) => x.id === e.target.value);
                if (p?.defaultModel) setModelId(p.defaultModel);
              }}
            >
              {providers.length === 0 && <option value="">No providers yet</option>}
              {providers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.hasKey ? '' : ' (no key)'}
                </option>
              ))}
            </select>
          </label>
          <label className="field grow">
            <span>Model id</span>
            <input value={modelId} onChange={(e) => setModelId(e.target.value)} placeholder="e.g. gpt-4o-mini" spellCheck={false} autoComplete="off" />
          </label>
        </div>
        {provider && !provider.hasKey && <p className="hint warn">{provider.name} has no API key yet. Add one in Settings before sending.</p>}
        <ModelList models={available} selected={modelId} onPick={(id) => void save(id)} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" className="button ghost" onClick={close}>
            Cancel
          </button>
          <button type="submit" className="button primary" disabled={saving}>
            Use model
          </button>
        </div>
      </form>
    </Dialog>
  );
}
