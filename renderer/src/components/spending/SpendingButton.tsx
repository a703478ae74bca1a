// The sidebar's "Spending" button; the view itself (tables, chart, export) loads on first open.
import { lazy, useState } from 'react';
import { LazyPart } from '../common/LazyPart';
import '../../styles/spending-button.css';

const SpendingDialog = lazy(() => import('./SpendingDialog'));

export function SpendingButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button ghost sidebar-settings sidebar-spending" onClick={() => setOpen(true)}>
        <CoinIcon />
        Spending
      </button>
      {open && (
        <LazyPart onClose={() => setOpen(false)}>
          <SpendingDialog onClose={() => setOpen(false)} />
        </LazyPart>
      )}
    </>
  );
}

const CoinIcon = () => (
  <svg width="16" height="16" viewBox="0 0 16 16" fill="none" aria-hidden="true">
    <path d="M2.5 13.5h11M4 11V8M7 11V5M10 11V7M13 11V3.5" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />
  </svg>
);
