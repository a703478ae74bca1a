// The model picker: search (fuzzy by name, id, provider), filters, sort, Favourites and
// Recent groups, a details pane, catalog sources with Refresh, and a free model id for
// endpoints without a list. Keyboard-first: focus stays in the searchbox, arrows move the
// selection (aria-activedescendant), Enter picks.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { modelInfo } from '../../../../shared/catalog/model-info';
import type { ModelInfo } from '../../../../shared/domain';
import { errorMessage } from '../../bridge';
import { useCatalog } from '../../stores/catalog';
import { useConversations } from '../../stores/conversations';
import { useMessages } from '../../stores/messages';
import { useProviders } from '../../stores/providers';
import { useUi } from '../../stores/ui';
import { Dialog } from '../common/Dialog';
import '../../styles/model-picker.css';
import { CatalogSources, sourceLabel } from './CatalogSources';
import { ConfirmSwitch } from './ConfirmSwitch';
import { useFavorites } from './favorites';
import { ModelDetails } from './ModelDetails';
import { ModelList, optionId, type Group } from './ModelList';
import { PickerFilters } from './PickerFilters';
import { NO_FILTERS, passes, routeKey, routesById, searchModels, type Filters, type SortKey } from './search';

const RECENT_LIMIT = 5;
const NONE: ModelInfo[] = [];

export default function PickerDialog({ conversationId }: { conversationId: string }) {
  const conversation = useConversations((s) => s.list.find((c) => c.id === conversationId));
  const conversations = useConversations((s) => s.list);
  const providers = useProviders((s) => s.list);
  const models = useCatalog((s) => s.models);
  const sources = useCatalog((s) => s.sources);
  const favoriteKeys = useFavorites((s) => s.keys);
  // Whether any reply so far came from a Private model (switching away then asks first).
  const privateHistory = useMessages((s) => (s.idsByConversation[conversationId] ?? []).some((id) => s.byId[id]?.role === 'assistant' && s.byId[id]?.privacy === 'private'));
  const close = useCallback(() => useUi.getState().openModelPicker(false), []);

  const [query, setQuery] = useState('');
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [sort, setSort] = useState<SortKey>('name');
  const [active, setActive] = useState(0);
  const [confirm, setConfirm] = useState<ModelInfo | null>(null);
  const [customId, setCustomId] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Small windows show the list or the details, not both; wide ones always both.
  const [detailsOpen, setDetailsOpen] = useState(false);
  const searchRef = useRef<HTMLInputElement | null>(null);
  // showModal() focuses the element carrying the autofocus attribute (React's autoFocus sets
  // none and focuses before the dialog opens), so set the attribute itself.
  const searchBox = useCallback((el: HTMLInputElement | null) => {
    searchRef.current = el;
    el?.setAttribute('autofocus', '');
  }, []);

  const privateOnly = conversation?.privateOnly ?? false;
  const effective = useMemo<Filters>(() => (privateOnly ? { ...filters, privacy: 'private' } : filters), [filters, privateOnly]);
  const names = useMemo(() => new Map(providers.map((p) => [p.id, p.name])), [providers]);
  const providerName = useCallback((id: string) => names.get(id) ?? id, [names]);
  const currentKey = conversation?.providerId && conversation.modelId ? routeKey({ provider: conversation.providerId, id: conversation.modelId }) : null;
  const favorites = useMemo(() => new Set(favoriteKeys), [favoriteKeys]);
  const currentPrivate = useMemo(() => models.some((m) => routeKey(m) === currentKey && m.privacy === 'private'), [models, currentKey]);

  // Other providers' routes of the same model id, one stable array per route (memoised rows).
  const alsoOnMap = useMemo(() => {
    const byId = routesById(models);
    const map = new Map<string, ModelInfo[]>();
    for (const m of models) {
      const others = (byId.get(m.id.toLowerCase()) ?? NONE).filter((o) => o.provider !== m.provider);
      if (others.length) map.set(routeKey(m), others);
    }
    return map;
  }, [models]);
  const alsoOn = useCallback((m: ModelInfo) => alsoOnMap.get(routeKey(m)) ?? NONE, [alsoOnMap]);

  const groups = useMemo<Group[]>(() => {
    const byKey = new Map(models.map((m) => [routeKey(m), m]));
    const entry = (prefix: string) => (m: ModelInfo) => ({ key: `${prefix}:${routeKey(m)}`, model: m });
    if (query.trim()) {
      const found = searchModels(models, query, effective, sort, providerName);
      return [{ label: `Results`, entries: found.map(entry('r')) }];
    }
    const out: Group[] = [];
    const shown = new Set<string>();
    const favs = favoriteKeys.map((k) => byKey.get(k)).filter((m): m is ModelInfo => !!m && passes(m, effective));
    if (favs.length) {
      out.push({ label: 'Favourites', entries: favs.map(entry('f')) });
      favs.forEach((m) => shown.add(routeKey(m)));
    }
    // Recent: this app's own use, from the conversations' models, most recent first.
    const recent: ModelInfo[] = [];
    const seen = new Set<string>();
    for (const c of [...conversations].sort((a, b) => b.updatedAt - a.updatedAt)) {
      if (!c.providerId || !c.modelId) continue;
      const k = routeKey({ provider: c.providerId, id: c.modelId });
      if (seen.has(k)) continue;
      seen.add(k);
      // A model typed by id (no list) still shows, with what is known: nothing but its id.
      const m = byKey.get(k) ?? (names.has(c.providerId) ? modelInfo(c.providerId, c.modelId) : null);
      if (m && passes(m, effective) && !shown.has(k)) recent.push(m);
      if (recent.length >= RECENT_LIMIT) break;
    }
    if (recent.length) {
      out.push({ label: 'Recent', entries: recent.map(entry('u')) });
      recent.forEach((m) => shown.add(routeKey(m)));
    }
    const rest = searchModels(models, '', effective, sort, providerName).filter((m) => !shown.has(routeKey(m)));
    out.push({ label: out.length ? 'All models' : 'Models', entries: rest.map(entry('a')) });
    return out;
  }, [models, query, effective, sort, providerName, favoriteKeys, conversations, names]);

  const flat = useMemo(() => groups.flatMap((g) => g.entries), [groups]);

  // Start on the conversation's model; after each search/filter change, on the first row.
  const initial = useRef(true);
  useEffect(() => {
    if (initial.current && currentKey) {
      initial.current = false;
      const at = flat.findIndex((e) => routeKey(e.model) === currentKey);
      setActive(Math.max(0, at));
      return;
    }
    initial.current = false;
    setActive(0);
    // Deliberately only a new query/filter/sort resets the selection (not catalog updates).
  }, [query, effective, sort]);

  const safeActive = Math.min(active, Math.max(0, flat.length - 1));
  const selected = flat[safeActive]?.model ?? null;

  useEffect(() => {
    document.getElementById(optionId(safeActive))?.scrollIntoView({ block: 'nearest' });
  }, [safeActive]);

  const apply = useCallback(
    async (m: { provider: string; id: string }) => {
      setError(null);
      try {
        await useConversations.getState().setModel(conversationId, m.provider, m.id);
        close();
      } catch (err) {
        setError(errorMessage(err));
      }
    },
    [conversationId, close],
  );

  const pick = useCallback(
    (m: ModelInfo) => {
      if (!m.chat) return;
      if (routeKey(m) === currentKey) return close();
      // Leaving a Private model after it answered: the history leaves the TEE, so ask first.
      if (privateHistory && currentPrivate && m.privacy !== 'private') return setConfirm(m);
      void apply(m);
    },
    [currentKey, privateHistory, currentPrivate, apply, close],
  );

  const star = useCallback((m: ModelInfo) => useFavorites.getState().toggle(m), []);

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    const last = flat.length - 1;
    const move = (to: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(last, to)));
    };
    if (e.key === 'ArrowDown') move(safeActive + 1);
    else if (e.key === 'ArrowUp') move(safeActive - 1);
    else if (e.key === 'PageDown') move(safeActive + 10);
    else if (e.key === 'PageUp') move(safeActive - 10);
    else if (e.key === 'Enter') {
      e.preventDefault();
      if (selected) pick(selected);
    }
  };

  // A free model id goes to the provider chosen in the filter, else the conversation's.
  const customProvider = filters.provider || conversation?.providerId || providers[0]?.id || '';
  const sourceOf = (m: ModelInfo | null) => {
    if (!m) return null;
    const p = providers.find((x) => x.id === m.provider);
    return sourceLabel(
      sources.find((s) => s.providerId === m.provider),
      p?.builtIn ?? false,
    );
  };

  return (
    <Dialog title="Choose a model" onClose={close} className="model-picker" aside={<span className="picker-count" aria-live="polite">{flat.length} {flat.length === 1 ? 'model' : 'models'}</span>}>
      <div className="picker-top">
        <input
          ref={searchBox}
          type="search"
          aria-label="Search models"
          aria-controls="model-listbox"
          aria-activedescendant={flat.length ? optionId(safeActive) : undefined}
          className="picker-search"
          placeholder="Search by name, id or provider…"
          value={query}
          spellCheck={false}
          autoComplete="off"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <PickerFilters
          filters={filters}
          sort={sort}
          providers={providers}
          privateOnly={privateOnly}
          onChange={setFilters}
          onSort={setSort}
          extra={
            <button type="button" className="chip details-toggle" aria-pressed={detailsOpen} onClick={() => setDetailsOpen(!detailsOpen)}>
              Details
            </button>
          }
        />
        {privateOnly && <p className="picker-note">This conversation accepts Private models only: other models are hidden.</p>}
      </div>
      <div className={`picker-main${detailsOpen ? ' details-open' : ''}`}>
        {flat.length > 0 ? (
          <ModelList groups={groups} activeIndex={safeActive} currentKey={currentKey} favorites={favorites} providerName={providerName} alsoOn={alsoOn} onSelect={setActive} onPick={pick} onStar={star} />
        ) : (
          <div className="model-list empty" role="listbox" id="model-listbox" aria-label="Models">
            <p>No model matches{query.trim() ? ` “${query.trim()}”` : ''} with these filters.</p>
          </div>
        )}
        <ModelDetails
          model={selected}
          routes={selected ? [selected, ...alsoOn(selected)] : NONE}
          favorite={selected ? favorites.has(routeKey(selected)) : false}
          current={selected ? routeKey(selected) === currentKey : false}
          sourceLabel={sourceOf(selected)}
          providerName={providerName}
          onPick={pick}
          onStar={star}
          onSelectRoute={(r) => {
            const at = flat.findIndex((e) => routeKey(e.model) === routeKey(r));
            if (at >= 0) setActive(at);
          }}
        />
      </div>
      <footer className="picker-footer">
        <CatalogSources providers={providers} sources={sources} />
        <form
          className="custom-model"
          onSubmit={(e) => {
            e.preventDefault();
            const id = customId.trim();
            if (!customProvider) return setError('Add a provider in Settings first.');
            if (!id) return setError('Type a model id.');
            const known = models.find((m) => m.provider === customProvider && m.id === id);
            if (known) pick(known);
            else if (privateHistory && currentPrivate) setConfirm(modelInfo(customProvider, id));
            else void apply({ provider: customProvider, id });
          }}
        >
          <label>
            <span>Model id</span>
            <input value={customId} onChange={(e) => setCustomId(e.target.value)} placeholder="any id the endpoint accepts" spellCheck={false} autoComplete="off" />
          </label>
          <span className="custom-on">on {providerName(customProvider)}</span>
          <button type="submit" className="button small">
            Use model
          </button>
        </form>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
      </footer>
      {confirm && (
        <ConfirmSwitch
          modelName={confirm.name || confirm.id}
          onCancel={() => {
            setConfirm(null);
            searchRef.current?.focus();
          }}
          onConfirm={() => {
            const m = confirm;
            setConfirm(null);
            void apply(m);
          }}
        />
      )}
    </Dialog>
  );
}
