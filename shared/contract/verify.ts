// Calls and events of the verify domain (filled in by its issue).
export const verifyCalls = {};
export const verifyEvents = {};
