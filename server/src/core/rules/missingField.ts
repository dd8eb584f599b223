import { structuralRule } from './rule';

export const missingField = structuralRule({
  id: 'missing-field',
  severity: 'error',
  description: 'A required field is absent.',
});
