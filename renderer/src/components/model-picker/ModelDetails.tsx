// The selected model in full: what the provider publishes about it, every route that
// offers it, and the actions (use, star).
import { PRIVACY_LABELS } from '../../../../shared/catalog/privacy';
import type { ModelInfo } from '../../../../shared/domain';
import { PrivacyBadge } from '../provenance/PrivacyBadge';
import { StarIcon } from './CapabilityIcons';
import { formatContext, formatPerMillion, formatPriceIO } from './format';
import { notForChatLabel } from './ModelList';

/** Labels for the `extra` facts the adapters set; anything else shows under its own key. */
const EXTRA_LABELS: Record<string, string> = {
  popularRank: 'Popularity on NanoGPT',
  category: 'Category',
  distillationPolicy: 'Distillation policy',
  distillationStatus: 'Distillation status',
  subscription: 'Subscription',
  quantization: 'Quantization',
  datacenterCountries: 'Datacenter countries',
  attestation: 'Attestation',
  providerType: 'Serving',
  features: 'Features',
  outputModalities: 'Output',
  ownedBy: 'Made by',
  thinkingVariant: 'Thinking variant',
  costEstimate: 'Cost estimate',
  kind: 'Kind',
};

const THINKING: Record<ModelInfo['thinking'], string | null> = {
  none: null,
  effort: 'Effort levels (reasoning_effort)',
  'template-thinking': 'On/off switch (thinking)',
  'template-enable-thinking': 'On/off switch (enable_thinking)',
  'model-suffix': 'Separate :thinking model',
};

const price = (v: number | null) => (v === null ? 'unknown' : `${formatPerMillion(v)} / 1M`);

interface Props {
  model: ModelInfo | null;
  routes: ModelInfo[];
  favorite: boolean;
  current: boolean;
  sourceLabel: string | null;
  providerName(id: string): string;
  onPick(m: ModelInfo): void;
  onStar(m: ModelInfo): void;
  onSelectRoute(m: ModelInfo): void;
}

export function ModelDetails({ model: m, routes, favorite, current, sourceLabel, providerName, onPick, onStar, onSelectRoute }: Props) {
  if (!m) return <aside className="model-details empty" aria-label="Model details">Select a model to see its details.</aside>;
  const caps = [m.capabilities.reasoning && 'Thinking', m.capabilities.vision && 'Vision', m.capabilities.tools && 'Tools', m.capabilities.structuredOutput && 'Structured output', m.capabilities.pdf && 'PDF / files'].filter(Boolean);
  const extras = Object.entries(m.extra).filter(([k]) => k !== 'kind' || m.chat);
  const rank = m.extra.popularRank;
  return (
    <aside className="model-details" aria-label="Model details">
      <div className="details-head">
        <h3>{m.name || m.id}</h3>
        <button type="button" className={`icon-button star${favorite ? ' on' : ''}`} aria-pressed={favorite} onClick={() => onStar(m)} title={favorite ? 'Remove from favourites' : 'Add to favourites'}>
          <StarIcon filled={favorite} />
          <span className="sr-only">Favourite</span>
        </button>
      </div>
      <div className="details-id">
        <code>{m.id}</code> · {providerName(m.provider)}
      </div>
      <p className="details-privacy">
        <PrivacyBadge privacy={m.privacy} /> <span>{PRIVACY_LABELS[m.privacy].tooltip}.</span>
      </p>
      {!m.chat && <p className="details-warn">{notForChatLabel(m)}: a conversation cannot use it.</p>}
      {m.description && <p className="details-desc">{m.description}</p>}
      <dl className="details-grid">
        <dt>Context</dt>
        <dd>{m.contextLength ? `${formatContext(m.contextLength)} (${m.contextLength.toLocaleString('en-US')} tokens)` : 'unknown'}</dd>
        <dt>Max output</dt>
        <dd>{m.maxOutput ? `${m.maxOutput.toLocaleString('en-US')} tokens` : 'unknown'}</dd>
        <dt>Input</dt>
        <dd>{price(m.pricing.input)}</dd>
        <dt>Output</dt>
        <dd>{price(m.pricing.output)}</dd>
        <dt>Cached input</dt>
        <dd>{price(m.pricing.cachedInput)}</dd>
        <dt>Capabilities</dt>
        <dd>{caps.length ? caps.join(', ') : 'none listed'}</dd>
        <dt>Input types</dt>
        <dd>{m.inputModalities.join(', ') || 'text'}</dd>
        {THINKING[m.thinking] && (
          <>
            <dt>Thinking control</dt>
            <dd>{THINKING[m.thinking]}</dd>
          </>
        )}
        {m.supportedParameters && m.supportedParameters.length > 0 && (
          <>
            <dt>Supported parameters</dt>
            <dd className="details-params">{m.supportedParameters.join(', ')}</dd>
          </>
        )}
        {extras.map(([k, v]) => (
          <FragmentRow key={k} label={EXTRA_LABELS[k] ?? k} value={k === 'popularRank' && rank ? `#${rank}` : v} />
        ))}
        {sourceLabel && (
          <>
            <dt>Listed from</dt>
            <dd>{sourceLabel}</dd>
          </>
        )}
      </dl>
      {routes.length > 1 && (
        <div className="details-routes">
          <h4>Offered by</h4>
          <ul>
            {routes.map((r) => (
              <li key={r.provider}>
                <button type="button" className={`route${r.provider === m.provider ? ' on' : ''}`} onClick={() => onSelectRoute(r)}>
                  <span className="route-name">{providerName(r.provider)}</span>
                  <PrivacyBadge privacy={r.privacy} compact />
                  <span className="route-price">{formatPriceIO(r.pricing.input, r.pricing.output)}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="details-actions">
        <button type="button" className="button primary" disabled={!m.chat || current} onClick={() => onPick(m)}>
          {current ? 'In use' : 'Use this model'}
        </button>
      </div>
    </aside>
  );
}

function FragmentRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </>
  );
}
