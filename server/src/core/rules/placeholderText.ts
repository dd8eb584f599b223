import { structuralRule } from './rule';

export const placeholderText = structuralRule({
  id: 'placeholder-text',
  severity: 'warning',
  description: 'Prose that is empty or still a placeholder (TODO, TBD, FIXME, XXX, lorem ipsum, ...).',
});
