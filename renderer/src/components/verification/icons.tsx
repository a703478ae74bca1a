const props = { width: 14, height: 14, viewBox: '0 0 16 16', fill: 'none', 'aria-hidden': true as const };
const stroke = { stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const };
const shield = 'M8 1.8l5 1.9v4.1c0 3.1-2.1 5.5-5 6.4-2.9-.9-5-3.3-5-6.4V3.7z';

export const ShieldCheckIcon = () => (
  <svg {...props}>
    <path d={shield} {...stroke} />
    <path d="M5.6 8.1l1.7 1.7 3.2-3.5" {...stroke} />
  </svg>
);
export const ShieldAlertIcon = () => (
  <svg {...props}>
    <path d={shield} {...stroke} />
    <path d="M8 5v3.3M8 10.6v.1" {...stroke} />
  </svg>
);
export const ShieldOffIcon = () => (
  <svg {...props}>
    <path d={shield} {...stroke} />
    <path d="M5.5 8h5" {...stroke} />
  </svg>
);
