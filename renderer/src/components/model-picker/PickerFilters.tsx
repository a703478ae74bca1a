import type { ReactNode } from 'react';
import type { Privacy, Provider } from '../../../../shared/domain';
import { activeFilterCount, NO_FILTERS, type Filters, type SortKey } from './search';

const CONTEXTS: [string, number | null][] = [
  ['Any context', null],
  ['≥ 32K', 32_000],
  ['≥ 128K', 128_000],
  ['≥ 200K', 200_000],
  ['≥ 1M', 1_000_000],
];

interface Props {
  filters: Filters;
  sort: SortKey;
  providers: Provider[];
  privateOnly: boolean;
  onChange(f: Filters): void;
  onSort(s: SortKey): void;
  /** Shown at the end of the row (the small-window Details toggle). */
  extra?: ReactNode;
}

export function PickerFilters({ filters: f, sort, providers, privateOnly, onChange, onSort, extra }: Props) {
  const set = (patch: Partial<Filters>) => onChange({ ...f, ...patch });
  const chip = (key: 'thinking' | 'vision' | 'tools', label: string) => (
    <button type="button" className={`chip${f[key] ? ' on' : ''}`} aria-pressed={f[key]} onClick={() => set({ [key]: !f[key] })}>
      {label}
    </button>
  );
  return (
    <div className="picker-filters" role="group" aria-label="Filters">
      <select aria-label="Provider" value={f.provider} onChange={(e) => set({ provider: e.target.value })}>
        <option value="">All providers</option>
        {providers.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <select
        aria-label="Privacy"
        value={privateOnly ? 'private' : f.privacy}
        disabled={privateOnly}
        title={privateOnly ? 'This conversation is set to Private models only' : undefined}
        onChange={(e) => set({ privacy: e.target.value as Privacy | '' })}
      >
        <option value="">Any privacy</option>
        <option value="private">Private</option>
        <option value="anonymised">Anonymised</option>
        <option value="standard">Standard</option>
      </select>
      {chip('thinking', 'Thinking')}
      {chip('vision', 'Vision')}
      {chip('tools', 'Tools')}
      <label className="price-filter">
        <span>Max in $/1M</span>
        <input
          type="number"
          aria-label="Max input price ($ per 1M tokens)"
          min={0}
          step={0.05}
          inputMode="decimal"
          placeholder="any"
          value={f.maxInputPrice ?? ''}
          onChange={(e) => {
            const v = e.target.value.trim() === '' ? null : Number(e.target.value);
            set({ maxInputPrice: v !== null && Number.isFinite(v) && v >= 0 ? v : null });
          }}
        />
      </label>
      <select aria-label="Minimum context" value={f.minContext ?? ''} onChange={(e) => set({ minContext: e.target.value ? Number(e.target.value) : null })}>
        {CONTEXTS.map(([label, v]) => (
          <option key={label} value={v ?? ''}>
            {label}
          </option>
        ))}
      </select>
      <span className="filters-spacer" />
      {activeFilterCount(f) > 0 && (
        <button type="button" className="picker-clear" onClick={() => onChange(NO_FILTERS)}>
          Clear
        </button>
      )}
      <select aria-label="Sort by" value={sort} onChange={(e) => onSort(e.target.value as SortKey)}>
        <option value="name">Sort: Name</option>
        <option value="price">Sort: Price (low first)</option>
        <option value="context">Sort: Context (long first)</option>
        <option value="popular">Sort: Popular (NanoGPT)</option>
      </select>
      {extra}
    </div>
  );
}
