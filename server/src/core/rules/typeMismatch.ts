import { structuralRule } from './rule';

export const typeMismatch = structuralRule({
  id: 'type-mismatch',
  severity: 'error',
  description: 'A value of the wrong type (a text where a list or a year is due), or not one of the allowed values.',
});
