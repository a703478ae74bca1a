import type { EventName, EventPayload } from '../../shared/api';

type Listener = <K extends EventName>(name: K, payload: EventPayload<K>) => void;

/** Main → renderer pushes. Services emit; each transport subscribes once. */
export class EventBus {
  private listeners = new Set<Listener>();

  emit<K extends EventName>(name: K, payload: EventPayload<K>): void {
    for (const l of this.listeners) {
      try {
        l(name, payload);
      } catch {
        // A broken transport must not stop the others or the service that emitted.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
