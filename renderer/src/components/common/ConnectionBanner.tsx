import { useConnection } from '../../bridge';

export function ConnectionBanner() {
  const status = useConnection((s) => s.status);
  if (status !== 'reconnecting') return null;
  return (
    <div className="connection-banner" role="status">
      <span className="spinner" aria-hidden="true" />
      Reconnecting…
    </div>
  );
}
