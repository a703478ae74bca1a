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

function LoadFailed({ error, onClose }: { error: Error; onClose(): void }) {
  return (
    <Dialog title="This could not be opened" onClose={onClose}>
      <div className="load-failed">
        <p role="alert">Parley could not load this part of its window. Your conversations and settings are not affected; reloading the window usually fixes it.</p>
        <p className="load-failed-detail">{error.message}</p>
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
