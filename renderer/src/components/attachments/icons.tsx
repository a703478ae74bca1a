// Icons of the attachments feature (aria-hidden; the control next to them carries the name).
const props = { width: 16, height: 16, viewBox: '0 0 16 16', fill: 'none', 'aria-hidden': true as const };
const stroke = { stroke: 'currentColor', strokeWidth: 1.5, strokeLinecap: 'round' as const, strokeLinejoin: 'round' as const };

export const PaperclipIcon = () => (
  <svg {...props}>
    <path d="M13 7.5l-5.2 5.2a3.2 3.2 0 01-4.5-4.5l5.6-5.6a2.1 2.1 0 013 3L6.3 11.2a1 1 0 01-1.5-1.5L9.9 4.6" {...stroke} />
  </svg>
);

export const DocumentIcon = () => (
  <svg {...props}>
    <path d="M4 1.8h5l3 3v9.4H4z" {...stroke} />
    <path d="M9 1.8v3h3M6 8.5h4M6 11h4" {...stroke} />
  </svg>
);

export const CloseIcon = () => (
  <svg {...props} width={12} height={12}>
    <path d="M4 4l8 8M12 4l-8 8" {...stroke} />
  </svg>
);
