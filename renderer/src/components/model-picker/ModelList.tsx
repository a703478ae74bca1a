import type { ModelInfo } from '../../../../shared/domain';

const ctx = (n: number | null) => (n ? `${n >= 1000 ? `${Math.round(n / 1000)}K` : n} context` : null);

export function ModelList({ models, selected, onPick }: { models: ModelInfo[]; selected: string; onPick(id: string): void }) {
  if (models.length === 0) {
    return <p className="hint">No models listed for this provider. Type a model id above.</p>;
  }
  return (
    <ul className="model-list" aria-label="Models">
      {models.map((m) => {
        const detail = [m.name && m.name !== m.id ? m.id : null, ctx(m.contextLength)].filter(Boolean).join(' · ');
        return (
          <li key={m.id}>
            <button type="button" className={`model-option${m.id === selected ? ' selected' : ''}`} aria-pressed={m.id === selected} onClick={() => onPick(m.id)}>
              <span className="model-option-name">{m.name || m.id}</span>
              {detail && <span className="model-option-id">{detail}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
