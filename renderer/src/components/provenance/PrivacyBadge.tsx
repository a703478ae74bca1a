import { memo } from 'react';
import { PRIVACY_LABELS } from '../../../../shared/catalog/privacy';
import type { Privacy } from '../../../../shared/domain';
import '../../styles/provenance.css';

/**
 * "Private" / "Anonymised" / "Standard", with the shared explanation as tooltip and, for
 * screen readers, as the badge's description (the visible word stays the accessible text).
 */
export const PrivacyBadge = memo(function PrivacyBadge({ privacy, compact }: { privacy: Privacy; compact?: boolean }) {
  const { label, tooltip } = PRIVACY_LABELS[privacy];
  return (
    <span className={`privacy-badge ${privacy}${compact ? ' compact' : ''}`} title={tooltip} data-privacy={privacy}>
      {privacy === 'private' && <LockIcon />}
      {label}
      <span className="sr-only">{` privacy: ${tooltip}`}</span>
    </span>
  );
});

function LockIcon() {
  return (
    <svg width="10" height="10" viewBox="0 0 16 16" aria-hidden="true">
      <rect x="3" y="7" width="10" height="7" rx="1.5" fill="currentColor" />
      <path d="M5.5 7V5a2.5 2.5 0 015 0v2" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}
