import { structuralRule } from './rule';

export const invalidDate = structuralRule({
  id: 'invalid-date',
  severity: 'error',
  description: 'A date not written as YYYY, YYYY-MM or YYYY-MM-DD, or not a real date.',
});
