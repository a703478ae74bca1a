import { useState } from 'react';
import { useProviders } from '../../stores/providers';
import { PlusIcon } from '../common/icons';
import { AddProviderForm } from './AddProviderForm';
import { ProviderCard } from './ProviderCard';

export function ProvidersSection() {
  const providers = useProviders((s) => s.list);
  const [adding, setAdding] = useState(false);
  return (
    <section className="settings-section" aria-labelledby="providers-heading">
      <div className="section-head">
        <h3 id="providers-heading">Providers</h3>
        {!adding && (
          <button type="button" className="button small" onClick={() => setAdding(true)}>
            <PlusIcon />
            Add provider
          </button>
        )}
      </div>
      <p className="section-note">Keys are stored in your system keychain and never shown again.</p>
      {adding && <AddProviderForm onDone={() => setAdding(false)} />}
      <ul className="provider-list">
        {providers.map((p) => (
          <ProviderCard key={p.id} provider={p} />
        ))}
        {providers.length === 0 && !adding && <li className="hint">No providers yet. Add any OpenAI-compatible endpoint.</li>}
      </ul>
    </section>
  );
}
