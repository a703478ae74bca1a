import { memo, useEffect, useRef } from 'react';
import type { SearchHit } from '../../../../shared/contract/history';
import { useSearch } from '../../stores/search';
import { hitId, RESULTS_ID } from './SearchBox';
import { Snippet } from './Snippet';
import { openHit } from './open-hit';

export function SearchResults() {
  const hits = useSearch((s) => s.hits);
  const active = useSearch((s) => s.active);
  const loading = useSearch((s) => s.loading);
  const error = useSearch((s) => s.error);
  const answered = useSearch((s) => s.answered);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    list.current?.querySelector(`#${hitId(active)}`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  return (
    <div className="search-results" aria-busy={loading}>
      {error ? (
        <p className="search-note" role="alert">
          Search failed: {error}
        </p>
      ) : hits.length === 0 ? (
        <p className="search-note" role="status">
          {loading && !answered ? 'Searching…' : 'No matches'}
        </p>
      ) : (
        <>
          <p className="sr-only" role="status">
            {hits.length === 1 ? '1 result' : `${hits.length} results`}
          </p>
          <ul id={RESULTS_ID} ref={list} className="search-hits" role="listbox" aria-label="Search results">
            {hits.map((h, i) => (
              <Hit key={h.messageId} hit={h} index={i} active={i === active} />
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

const Hit = memo(function Hit({ hit, index, active }: { hit: SearchHit; index: number; active: boolean }) {
  return (
    <li
      id={hitId(index)}
      role="option"
      aria-selected={active}
      className={`search-hit${active ? ' active' : ''}`}
      onMouseDown={(e) => e.preventDefault()}
      onClick={() => {
        useSearch.getState().setActive(index);
        openHit(hit);
      }}
    >
      <span className="search-hit-head">
        <span className="search-hit-title">{hit.conversationTitle || 'Untitled'}</span>
        <span className="search-hit-role">{hit.role === 'user' ? 'You' : 'Assistant'}</span>
      </span>
      <span className="search-hit-snippet">
        <Snippet text={hit.snippet} />
      </span>
    </li>
  );
});
