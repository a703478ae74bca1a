// One provider in Settings: key entry (stored in the keychain, never shown again), the base
// URL (editable for built-ins too, e.g. a proxy or a self-hosted gateway), the provider's key
// page, and the provider's own switches (LLMBase's fallback, a custom endpoint's images).
import { useEffect, useRef, useState } from 'react';
import type { Provider } from '../../../../shared/domain';
import { errorMessage } from '../../bridge';
import { useProviders } from '../../stores/providers';
import { KeyIcon } from '../common/icons';
import { OptionSwitch } from './OptionSwitch';
import '../../styles/providers.css';

/** Where each built-in hands out API keys (same as the adapters' keyPageUrl). Electron opens http(s) links in the system browser. */
const KEY_PAGES: Partial<Record<Provider['kind'], string>> = {
  near: 'https://cloud.near.ai',
  nanogpt: 'https://nano-gpt.com/api',
  llmbase: 'https://llmbase.ai',
};

const BLURBS: Partial<Record<Provider['kind'], string>> = {
  near: 'Private models run inside TEEs; others are anonymised routes.',
  nanogpt: 'Hundreds of models, pay as you go or by subscription.',
  llmbase: 'Open models with automatic fallback when a route is down.',
};

export function ProviderCard({ provider: p }: { provider: Provider }) {
  const [replacing, setReplacing] = useState(false);
  const [key, setKey] = useState('');
  const [editingUrl, setEditingUrl] = useState(false);
  const [url, setUrl] = useState(p.baseUrl);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const busyRef = useRef(false);
  // The control that takes keyboard focus once the one that had it is gone (a form closed, a
  // key saved or removed), so focus does not fall back to the top of the dialog.
  const [focusNext, setFocusNext] = useState<'edit' | 'key' | 'replace' | null>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const keyRef = useRef<HTMLInputElement>(null);
  const replaceRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusNext) return;
    ({ edit: editRef, key: keyRef, replace: replaceRef })[focusNext].current?.focus();
    setFocusNext(null);
  }, [focusNext]);
  const showField = !p.hasKey || replacing;
  const keyPage = p.builtIn ? KEY_PAGES[p.kind] : undefined;

  const attempt = async (action: () => Promise<unknown>, after?: () => void) => {
    setError(null);
    try {
      await action();
      after?.();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  // Buttons stay enabled (and focused) while an action runs; a second press meanwhile is ignored.
  const run = async (action: () => Promise<unknown>, after?: () => void) => {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(true);
    try {
      await attempt(action, after);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };
  // providers.save with the provider's id keeps a built-in built in (and its name).
  const save = (patch: { baseUrl?: string; options?: Provider['options'] }) =>
    useProviders.getState().save({ id: p.id, kind: p.kind, name: p.name, baseUrl: patch.baseUrl ?? p.baseUrl, ...(patch.options ? { options: patch.options } : {}) });
  // Options are merged into the stored ones in main, so each switch sends only its own.
  // A failed save shows its error here and rejects, so the switch goes back.
  const saveOption = async (option: Provider['options']) => {
    setError(null);
    try {
      await save({ options: option });
    } catch (err) {
      setError(errorMessage(err));
      throw err;
    }
  };

  return (
    <li className="provider-card" aria-label={p.name}>
      <div className="provider-head">
        <div className="provider-id">
          <span className="provider-name">
            {p.name}
            {p.builtIn && <span className="provider-builtin">Built in</span>}
          </span>
          {BLURBS[p.kind] && p.builtIn && <span className="provider-blurb">{BLURBS[p.kind]}</span>}
        </div>
        {keyPage && (
          <a className="provider-keylink" href={keyPage} target="_blank" rel="noopener noreferrer">
            Get a key
          </a>
        )}
        <span className={`badge${p.hasKey ? ' ok' : ''}`}>{p.hasKey ? 'Key saved' : 'No key'}</span>
      </div>

      {editingUrl ? (
        <form
          className="url-form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(
              () => save({ baseUrl: url.trim() }),
              () => {
                setEditingUrl(false);
                setFocusNext('edit');
              },
            );
          }}
        >
          <input value={url} onChange={(e) => setUrl(e.target.value)} aria-label={`${p.name} base URL`} inputMode="url" spellCheck={false} autoComplete="off" autoFocus />
          <button type="submit" className="button small primary" aria-disabled={busy || undefined} disabled={!url.trim() || url.trim() === p.baseUrl}>
            Save URL
          </button>
          <button
            type="button"
            className="button small ghost"
            onClick={() => {
              setUrl(p.baseUrl);
              setEditingUrl(false);
              setError(null);
              setFocusNext('edit');
            }}
          >
            Cancel
          </button>
        </form>
      ) : (
        <div className="provider-urlrow">
          <span className="provider-url" title={p.baseUrl}>
            {p.baseUrl}
          </span>
          <button
            ref={editRef}
            type="button"
            className="link-button"
            onClick={() => {
              setUrl(p.baseUrl);
              setEditingUrl(true);
            }}
          >
            Edit<span className="sr-only"> {p.name} base URL</span>
          </button>
        </div>
      )}
      {p.defaultModel && <div className="provider-model">Default model: {p.defaultModel}</div>}

      {showField ? (
        <form
          className="key-form"
          onSubmit={(e) => {
            e.preventDefault();
            const k = key.trim();
            if (k)
              void run(
                () => useProviders.getState().setKey(p.id, k),
                () => {
                  setKey('');
                  setReplacing(false);
                  setFocusNext('replace');
                },
              );
          }}
        >
          {/* Named "<provider> key" rather than "API key" so the Add provider form's field stays unique. */}
          <input ref={keyRef} type="password" autoComplete="off" spellCheck={false} aria-label={`${p.name} key`} placeholder="Paste an API key" value={key} onChange={(e) => setKey(e.target.value)} />
          <button type="submit" className={`button small${key.trim() ? ' primary' : ''}`} aria-disabled={busy || undefined} disabled={!key.trim()}>
            Set key
          </button>
          {replacing && (
            <button
              type="button"
              className="button small ghost"
              onClick={() => {
                setReplacing(false);
                setFocusNext('replace');
              }}
            >
              Cancel
            </button>
          )}
        </form>
      ) : (
        <div className="key-saved">
          <KeyIcon />
          <span>Key saved in the system keychain</span>
          <span className="spacer" />
          <button
            ref={replaceRef}
            type="button"
            className="button small"
            onClick={() => {
              setReplacing(true);
              setFocusNext('key');
            }}
          >
            Replace key
          </button>
          <button type="button" className="button small danger" aria-disabled={busy || undefined} onClick={() => void run(() => useProviders.getState().removeKey(p.id), () => setFocusNext('key'))}>
            Remove key
          </button>
        </div>
      )}

      {p.kind === 'llmbase' && (
        <OptionSwitch
          label="Allow fallback models"
          note="When a model is down, LLMBase may answer with another one; the reply then says which. Off sends X-LLMBase-Fallback: off."
          on={!p.options.fallbackOff}
          save={(on) => saveOption({ fallbackOff: !on })}
        />
      )}
      {p.kind === 'openai' && (
        <OptionSwitch
          label="Its models can see images"
          note="Most OpenAI-compatible servers do not say which models take images. Turn this on if this one's do (a vision model), and images you attach are sent to them."
          on={!!p.options.modelsSeeImages}
          save={(on) => saveOption({ modelsSeeImages: on })}
        />
      )}

      {!p.builtIn && (
        <div className="provider-remove">
          <button type="button" className="link-button danger" aria-disabled={busy || undefined} onClick={() => void run(() => useProviders.getState().remove(p.id))}>
            Remove provider<span className="sr-only"> {p.name}</span>
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
