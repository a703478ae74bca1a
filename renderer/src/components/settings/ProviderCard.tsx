import { useState } from 'react';
import type { Provider } from '../../../../shared/domain';
import { errorMessage } from '../../bridge';
import { useProviders } from '../../stores/providers';
import { KeyIcon } from '../common/icons';

export function ProviderCard({ provider: p }: { provider: Provider }) {
  const [replacing, setReplacing] = useState(false);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const showField = !p.hasKey || replacing;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
      setKey('');
      setReplacing(false);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="provider-card" aria-label={p.name}>
      <div className="provider-head">
        <div className="provider-id">
          <span className="provider-name">{p.name}</span>
          <span className="provider-url">{p.baseUrl}</span>
        </div>
        <span className={`badge${p.hasKey ? ' ok' : ''}`}>{p.hasKey ? 'Key saved' : 'No key'}</span>
      </div>
      {p.defaultModel && <div className="provider-model">Default model: {p.defaultModel}</div>}
      {showField ? (
        <form
          className="key-form"
          onSubmit={(e) => {
            e.preventDefault();
            if (key.trim()) void run(() => useProviders.getState().setKey(p.id, key.trim()));
          }}
        >
          {/* Named "<provider> key" rather than "API key" so the Add provider form's field stays unique. */}
          <input type="password" autoComplete="off" spellCheck={false} aria-label={`${p.name} key`} placeholder="Paste an API key" value={key} onChange={(e) => setKey(e.target.value)} />
          <button type="submit" className={`button small${key.trim() ? ' primary' : ''}`} disabled={busy || !key.trim()}>
            Set key
          </button>
          {replacing && (
            <button type="button" className="button small ghost" onClick={() => setReplacing(false)}>
              Cancel
            </button>
          )}
        </form>
      ) : (
        <div className="key-saved">
          <KeyIcon />
          <span>Key saved in the system keychain</span>
          <span className="spacer" />
          <button type="button" className="button small" onClick={() => setReplacing(true)}>
            Replace key
          </button>
          <button type="button" className="button small danger" disabled={busy} onClick={() => void run(() => useProviders.getState().removeKey(p.id))}>
            Remove key
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </li>
  );
}
