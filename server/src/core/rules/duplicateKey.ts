import { structuralRule } from './rule';

export const duplicateKey = structuralRule({
  id: 'duplicate-key',
  severity: 'error',
  description: 'A mapping has the same key twice; the first counts and every later one is reported.',
});
