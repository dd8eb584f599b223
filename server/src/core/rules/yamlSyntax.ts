import { structuralRule } from './rule';

export const yamlSyntax = structuralRule({
  id: 'yaml-syntax',
  severity: 'error',
  description: 'A part of the file is not valid YAML: the measure, field or lines that hold the error are left out and reported, and the rest is checked.',
});
