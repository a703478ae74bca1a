import type { ModelInfo } from '../../../../shared/domain';

const stroke = { fill: 'none', stroke: 'currentColor', strokeWidth: 1.4, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const };

export const ThinkingIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
    <path d="M6 13.5h4M6.5 11.5h3M8 2a4 4 0 00-2.4 7.2c.5.4.9 1 .9 1.6v.7h3v-.7c0-.6.4-1.2.9-1.6A4 4 0 008 2z" {...stroke} />
  </svg>
);
export const VisionIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
    <path d="M1.5 8S4 3.5 8 3.5 14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8z" {...stroke} />
    <circle cx="8" cy="8" r="2" {...stroke} />
  </svg>
);
export const ToolsIcon = () => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
    <path d="M10.2 2.3a3.2 3.2 0 00-3.9 4.2L2.5 10.3a1.3 1.3 0 001.9 1.9l3.8-3.8a3.2 3.2 0 004.2-3.9l-1.9 1.9-1.7-.4-.4-1.7z" {...stroke} />
  </svg>
);
export const StarIcon = ({ filled }: { filled: boolean }) => (
  <svg width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
    <path d="M8 1.8l1.9 3.9 4.3.6-3.1 3 .7 4.3L8 11.6l-3.8 2 .7-4.3-3.1-3 4.3-.6z" fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="1.3" strokeLinejoin="round" />
  </svg>
);

const CAPS = [
  { key: 'reasoning', label: 'Thinking', Icon: ThinkingIcon },
  { key: 'vision', label: 'Vision (image input)', Icon: VisionIcon },
  { key: 'tools', label: 'Tool calling', Icon: ToolsIcon },
] as const;

/** Three fixed slots so columns line up; an absent capability leaves its slot empty. */
export function CapabilityIcons({ caps }: { caps: ModelInfo['capabilities'] }) {
  return (
    <span className="caps">
      {CAPS.map(({ key, label, Icon }) =>
        caps[key] ? (
          <span key={key} className={`cap cap-${key}`} role="img" aria-label={label} title={label}>
            <Icon />
          </span>
        ) : (
          <span key={key} className="cap empty" aria-hidden="true" />
        ),
      )}
    </span>
  );
}
