import { useEffect, useRef, useState } from 'react';
import { useProviders } from '../../stores/providers';
import { PlusIcon } from '../common/icons';
import { AddProviderForm } from './AddProviderForm';
import { ProviderCard } from './ProviderCard';

export function ProvidersSection() {
  const providers = useProviders((s) => s.list);
  const [adding, setAdding] = useState(false);
  const addRef = useRef<HTMLButtonElement>(null);
  // A closed form or a removed provider takes keyboard focus with it; "Add provider" gets it
  // back, so focus does not fall to the top of the dialog.
  const [refocus, setRefocus] = useState(false);
  const count = providers.length;
  const lastCount = useRef(count);
  useEffect(() => {
    if (count < lastCount.current) setRefocus(true);
    lastCount.current = count;
  }, [count]);
  useEffect(() => {
    if (!refocus || adding) return;
    setRefocus(false);
    const active = document.activeElement;
    if (!active || active === document.body) addRef.current?.focus();
  }, [refocus, adding]);

  return (
    <section className="settings-section" aria-labelledby="providers-heading">
      <div className="section-head">
        <h3 id="providers-heading">Providers</h3>
        {!adding && (
          <button ref={addRef} type="button" className="button small" onClick={() => setAdding(true)}>
            <PlusIcon />
            Add provider
          </button>
        )}
      </div>
      <p className="section-note">Keys are stored in your system keychain and never shown again.</p>
      {adding && (
        <AddProviderForm
          onDone={() => {
            setAdding(false);
            setRefocus(true);
          }}
        />
      )}
      <ul className="provider-list">
        {providers.map((p) => (
          <ProviderCard key={p.id} provider={p} />
        ))}
        {providers.length === 0 && !adding && <li className="hint">No providers yet. Add any OpenAI-compatible endpoint.</li>}
      </ul>
    </section>
  );
}
