import { structuralRule } from './rule';

export const unknownKey = structuralRule({
  id: 'unknown-key',
  severity: 'warning',
  description: 'A key the format does not know; the message suggests the closest known key. Keys starting with x- are never reported.',
});
