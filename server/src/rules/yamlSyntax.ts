import { structuralRule } from './rule';

export const yamlSyntax = structuralRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: 'The YAML does not parse; every parser error is reported where the parser finds it.',
});
