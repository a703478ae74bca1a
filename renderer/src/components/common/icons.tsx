// Small inline icons; aria-hidden, the button next to them carries the name.
const props = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', 'aria-hidden': true as const };
const stroke = { stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const };

export const PlusIcon = () => (
  <svg {...props}>
    <path d="M8 3v10M3 8h10" {...stroke} />
  </svg>
);
export const TrashIcon = () => (
  <svg {...props}>
    <path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.6 8.5h5.8l.6-8.5" {...stroke} />
  </svg>
);
export const GearIcon = () => (
  <svg {...props}>
    <circle cx="8" cy="8" r="2" {...stroke} />
    <path d="M8 1.8v1.6M8 12.6v1.6M1.8 8h1.6M12.6 8h1.6M3.6 3.6l1.1 1.1M11.3 11.3l1.1 1.1M3.6 12.4l1.1-1.1M11.3 4.7l1.1-1.1" {...stroke} />
  </svg>
);
export const ArrowUpIcon = () => (
  <svg {...props}>
    <path d="M8 13V3M3.5 7.5L8 3l4.5 4.5" {...stroke} />
  </svg>
);
export const ArrowDownIcon = () => (
  <svg {...props}>
    <path d="M8 3v10M3.5 8.5L8 13l4.5-4.5" {...stroke} />
  </svg>
);
export const StopIcon = () => (
  <svg {...props}>
    <rect x="4" y="4" width="8" height="8" rx="1.5" fill="currentColor" />
  </svg>
);
export const ChevronIcon = () => (
  <svg {...props}>
    <path d="M6 4l4 4-4 4" {...stroke} />
  </svg>
);
export const ChevronDownIcon = () => (
  <svg {...props}>
    <path d="M4 6l4 4 4-4" {...stroke} />
  </svg>
);
export const CopyIcon = () => (
  <svg {...props}>
    <rect x="5.5" y="5.5" width="8" height="8" rx="1.5" {...stroke} />
    <path d="M10.5 5.5V3.8c0-.7-.6-1.3-1.3-1.3H3.8c-.7 0-1.3.6-1.3 1.3v5.4c0 .7.6 1.3 1.3 1.3h1.7" {...stroke} />
  </svg>
);
export const CheckIcon = () => (
  <svg {...props}>
    <path d="M3.5 8.5l3 3 6-7" {...stroke} />
  </svg>
);
export const KeyIcon = () => (
  <svg {...props}>
    <circle cx="5.5" cy="10.5" r="2.5" {...stroke} />
    <path d="M7.3 8.7L13 3M11 5l1.5 1.5" {...stroke} />
  </svg>
);
export const SparkIcon = () => (
  <svg {...props}>
    <path d="M8 2l1.4 4.6L14 8l-4.6 1.4L8 14l-1.4-4.6L2 8l4.6-1.4z" {...stroke} />
  </svg>
);
