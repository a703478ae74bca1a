// Where each provider's list comes from (bundled page vs live list and its age), each
// provider's error in place, and Refresh.
import { useState } from 'react';
import type { CatalogSource } from '../../../../shared/api';
import type { Provider } from '../../../../shared/domain';
import { errorMessage } from '../../bridge';
import { useCatalog } from '../../stores/catalog';
import { isoDate, timeAgo } from './format';

export function sourceLabel(s: CatalogSource | undefined, builtIn: boolean): string {
  if (!s) return 'No list';
  if (s.source === 'live') return `Live, fetched ${timeAgo(s.asOf)}`;
  return builtIn ? `Bundled list from ${isoDate(s.asOf)}` : 'No list yet';
}

export function CatalogSources({ providers, sources }: { providers: Provider[]; sources: CatalogSource[] }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const refresh = async () => {
    setBusy(true);
    setError(null);
    try {
      await useCatalog.getState().refresh();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="catalog-sources" aria-label="Model lists">
      <ul>
        {providers.map((p) => {
          const s = sources.find((x) => x.providerId === p.id);
          return (
            <li key={p.id} className={s?.error ? 'has-error' : ''}>
              <span className="source-provider">{p.name}</span>
              <span className={`source-kind ${s?.source ?? 'none'}`}>{sourceLabel(s, p.builtIn)}</span>
              {!p.hasKey && p.builtIn && s?.source !== 'live' && <span className="source-hint">add a key for the live list</span>}
              {s?.error && (
                <span className="source-error" title={s.error}>
                  {s.error}
                </span>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" className="button small" onClick={() => void refresh()} disabled={busy} aria-busy={busy}>
        {busy ? 'Refreshing…' : 'Refresh'}
      </button>
      {error && (
        <span className="source-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
