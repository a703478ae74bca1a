// A part of the window loaded on first use (a dialog). Its file can fail to load (e.g. the
// app was updated underneath a running window): that shows as an error with a way out,
// instead of taking the window down.
import { Suspense, type ReactNode } from 'react';
import { Dialog } from './Dialog';
import { ErrorBoundary } from './ErrorBoundary';

export function LazyPart({ children, onClose }: { children: ReactNode; onClose(): void }) {
  return (
    <ErrorBoundary fallback={(error, reset) => <LoadFailed error={error} onClose={() => (reset(), onClose())} />}>
      <Suspense fallback={null}>{children}</Suspense>
    </ErrorBoundary>
  );
}

/** How browsers word a code file that failed to load (Chromium, Firefox, Safari; Vite's CSS preload). */
const NOT_LOADED = /dynamically imported module|Importing a module script failed|Unable to preload CSS/i;

function LoadFailed({ error, onClose }: { error: Error; onClose(): void }) {
  // A file that did not load says so plainly (its address means nothing to a reader); any
  // other error is the part's own, and its message is what there is to report.
  const notLoaded = NOT_LOADED.test(error.message);
  return (
    <Dialog title="This could not be opened" onClose={onClose}>
      <div className="load-failed">
        <p role="alert">
          {notLoaded ? 'Parley could not load this part of its window.' : `Parley could not show this part of its window (${error.message}).`} Your conversations and settings are not affected; reloading the window usually fixes it.
        </p>
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Not now
          </button>
          <button type="button" className="button primary" onClick={() => location.reload()}>
            Reload window
          </button>
        </div>
      </div>
    </Dialog>
  );
}
