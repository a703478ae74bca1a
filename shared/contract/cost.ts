// Calls and events of the cost domain (filled in by its issue).
export const costCalls = {};
export const costEvents = {};
