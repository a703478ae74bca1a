// "Search conversations": results replace the list while a query is present; arrow keys
// move through them, Enter opens the conversation at that message, Escape clears.
import { useSearch } from '../../stores/search';
import { openHit } from './open-hit';

export const RESULTS_ID = 'search-results';
export const hitId = (i: number) => `search-hit-${i}`;

export function SearchBox() {
  const query = useSearch((s) => s.query);
  const active = useSearch((s) => s.active);
  const count = useSearch((s) => s.hits.length);
  const showing = query.trim().length > 0;
  return (
    <div className="search-box">
      <SearchIcon />
      <input
        type="search"
        className="search-input"
        aria-label="Search conversations"
        placeholder="Search"
        value={query}
        spellCheck={false}
        autoComplete="off"
        aria-controls={showing ? RESULTS_ID : undefined}
        aria-activedescendant={showing && count > 0 ? hitId(active) : undefined}
        onChange={(e) => useSearch.getState().setQuery(e.target.value)}
        onKeyDown={(e) => {
          const s = useSearch.getState();
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            s.move(e.key === 'ArrowDown' ? 1 : -1);
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const hit = s.hits[s.active];
            if (hit) openHit(hit);
          } else if (e.key === 'Escape' && s.query) {
            e.preventDefault();
            s.clear();
          }
        }}
      />
    </div>
  );
}

const SearchIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" fill="none" aria-hidden="true" className="search-icon">
    <circle cx="7" cy="7" r="4.5" stroke="currentColor" strokeWidth="1.5" />
    <path d="M10.5 10.5L14 14" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
);
