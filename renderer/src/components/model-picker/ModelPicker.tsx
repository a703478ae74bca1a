// The picker's entry point stays tiny: the dialog (search, filters, details) loads on first open.
import { lazy } from 'react';
import { useUi } from '../../stores/ui';
import { LazyPart } from '../common/LazyPart';

const PickerDialog = lazy(() => import('./PickerDialog'));

export function ModelPicker({ conversationId }: { conversationId: string }) {
  return (
    <LazyPart onClose={() => useUi.getState().openModelPicker(false)}>
      <PickerDialog conversationId={conversationId} />
    </LazyPart>
  );
}
