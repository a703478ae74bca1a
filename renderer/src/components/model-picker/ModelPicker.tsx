// The picker's entry point stays tiny: the dialog (search, filters, details) loads on first open.
import { lazy, Suspense } from 'react';

const PickerDialog = lazy(() => import('./PickerDialog'));

export function ModelPicker({ conversationId }: { conversationId: string }) {
  return (
    <Suspense fallback={null}>
      <PickerDialog conversationId={conversationId} />
    </Suspense>
  );
}
