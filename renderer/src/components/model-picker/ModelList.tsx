// The picker's listbox: group headings (Favourites, Recent, All models / Results) and one
// row per route (a provider's offer of a model). Rows are memoised: moving the selection
// re-renders two rows, not the list.
import { memo } from 'react';
import { privacyLabel } from '../../../../shared/catalog/privacy';
import type { ModelInfo } from '../../../../shared/domain';
import { PrivacyBadge } from '../provenance/PrivacyBadge';
import { CapabilityIcons, StarIcon } from './CapabilityIcons';
import { formatContext, formatPriceIO } from './format';

export interface Entry {
  /** Unique within the list (a model may be both a favourite and recent). */
  key: string;
  model: ModelInfo;
}

export interface Group {
  label: string;
  entries: Entry[];
}

export const optionId = (i: number) => `model-option-${i}`;

/** "Image model (not for chat)" → "Image model — not for chat". */
export function notForChatLabel(m: ModelInfo): string {
  const kind = m.extra.kind?.replace(/\s*\(not for chat\)\s*$/i, '').replace(/^Not a chat model$/i, '');
  return kind ? `${kind} — not for chat` : 'Not a chat model';
}

interface ListProps {
  groups: Group[];
  activeIndex: number;
  currentKey: string | null;
  favorites: ReadonlySet<string>;
  providerName(id: string): string;
  alsoOn(m: ModelInfo): ModelInfo[];
  onSelect(index: number): void;
  onPick(m: ModelInfo): void;
  onStar(m: ModelInfo): void;
}

export function ModelList({ groups, activeIndex, currentKey, favorites, providerName, alsoOn, onSelect, onPick, onStar }: ListProps) {
  let index = 0;
  return (
    <div className="model-list" role="listbox" id="model-listbox" aria-label="Models">
      {groups.map((g) => (
        <div key={g.label} role="group" aria-label={g.label} className="model-group">
          <div className="model-group-label" aria-hidden="true">
            {g.label}
            <span className="model-group-count">{g.entries.length}</span>
          </div>
          {g.entries.map((e) => {
            const i = index++;
            const k = `${e.model.provider}\n${e.model.id}`;
            return (
              <ModelRow
                key={e.key}
                index={i}
                model={e.model}
                active={i === activeIndex}
                current={k === currentKey}
                favorite={favorites.has(k)}
                providerName={providerName(e.model.provider)}
                alsoOn={alsoOn(e.model)}
                providerNameOf={providerName}
                onSelect={onSelect}
                onPick={onPick}
                onStar={onStar}
              />
            );
          })}
        </div>
      ))}
    </div>
  );
}

interface RowProps {
  index: number;
  model: ModelInfo;
  active: boolean;
  current: boolean;
  favorite: boolean;
  providerName: string;
  alsoOn: ModelInfo[];
  providerNameOf(id: string): string;
  onSelect(index: number): void;
  onPick(m: ModelInfo): void;
  onStar(m: ModelInfo): void;
}

const ModelRow = memo(function ModelRow({ index, model: m, active, current, favorite, providerName, alsoOn, providerNameOf, onSelect, onPick, onStar }: RowProps) {
  const name = m.name || m.id;
  const price = formatPriceIO(m.pricing.input, m.pricing.output);
  const label = [
    `${name} — ${providerName}`,
    privacyLabel(m.privacy),
    price === 'price unknown' ? price : `${price} per 1M in / out`,
    `${formatContext(m.contextLength)} context`,
    ...(m.chat ? [] : [notForChatLabel(m)]),
    ...(current ? ['current'] : []),
  ].join(', ');
  return (
    <div
      id={optionId(index)}
      role="option"
      aria-selected={active}
      aria-disabled={!m.chat || undefined}
      aria-label={label}
      className={`model-row${active ? ' active' : ''}${current ? ' current' : ''}${m.chat ? '' : ' not-chat'}`}
      onMouseDown={(e) => e.preventDefault() /* keep focus in the searchbox */}
      onClick={() => onSelect(index)}
      onDoubleClick={() => onPick(m)}
    >
      <button
        type="button"
        tabIndex={-1}
        className={`star${favorite ? ' on' : ''}`}
        aria-label={`${favorite ? 'Remove' : 'Add'} ${name} on ${providerName} ${favorite ? 'from' : 'to'} favourites`}
        aria-pressed={favorite}
        title={favorite ? 'Remove from favourites' : 'Add to favourites'}
        onClick={(e) => {
          e.stopPropagation();
          onStar(m);
        }}
      >
        <StarIcon filled={favorite} />
      </button>
      <div className="row-main">
        <div className="row-line">
          <span className="row-name">{name}</span>
          <PrivacyBadge privacy={m.privacy} compact />
          {current && <span className="row-tag">Current</span>}
          {!m.chat && <span className="row-tag warn">{notForChatLabel(m)}</span>}
        </div>
        <div className="row-sub">
          <span className="row-provider">{providerName}</span>
          {m.name && m.name !== m.id && <span className="row-id">{m.id}</span>}
        </div>
        {alsoOn.length > 0 && (
          <div className="row-also">
            Also on{' '}
            {alsoOn.map((o, n) => (
              <span key={o.provider}>
                {n > 0 && ', '}
                {providerNameOf(o.provider)} <span className="also-price">{formatPriceIO(o.pricing.input, o.pricing.output)}</span> <span className={`also-privacy ${o.privacy}`}>{privacyLabel(o.privacy)}</span>
              </span>
            ))}
          </div>
        )}
      </div>
      <CapabilityIcons caps={m.capabilities} />
      <span className="row-ctx" title={m.contextLength ? `${m.contextLength.toLocaleString('en-US')} tokens` : 'Context length unknown'}>
        {formatContext(m.contextLength)}
      </span>
      <span className={`row-price${price === 'price unknown' ? ' unknown' : ''}`}>{price}</span>
    </div>
  );
});
