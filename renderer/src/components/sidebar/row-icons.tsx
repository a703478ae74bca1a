// Icons for the history features (same style as common/icons: 16px, 1.5 stroke, aria-hidden).
const props = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', 'aria-hidden': true as const };
const stroke = { stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const };

export const MoreIcon = () => (
  <svg {...props}>
    <circle cx="3.5" cy="8" r="1.1" fill="currentColor" />
    <circle cx="8" cy="8" r="1.1" fill="currentColor" />
    <circle cx="12.5" cy="8" r="1.1" fill="currentColor" />
  </svg>
);
export const PencilIcon = () => (
  <svg {...props}>
    <path d="M10.5 3l2.5 2.5L6 12.5H3.5V10z" {...stroke} />
  </svg>
);
export const PinIcon = ({ size = 16 }: { size?: number }) => (
  <svg {...props} width={size} height={size}>
    <path d="M6 2.5h4M6.8 2.5v4L4.5 9h7L9.2 6.5v-4M8 9v4.5" {...stroke} />
  </svg>
);
export const DownloadIcon = () => (
  <svg {...props}>
    <path d="M8 2.5v8M4.5 7L8 10.5 11.5 7M3 13h10" {...stroke} />
  </svg>
);
export const RefreshIcon = () => (
  <svg {...props}>
    <path d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5v2.8h-2.8" {...stroke} />
  </svg>
);
