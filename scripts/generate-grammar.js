#!/usr/bin/env node
// Writes syntaxes/dgs-strategy.tmLanguage.json: a self-contained YAML grammar (no dependency
// on the editor's own YAML grammar, so it can be tested here) that also marks what a
// strategy means: part keys, section keys (both read from the schema), clause references in
// `addresses`, measure ids in `id` and `depends-on`, and the dgs comment directives.
// `--check` writes nothing and exits 1 when the committed grammar differs.
'use strict';
const { syncGeneratedFile } = require('./generated-file');
const fs = require('fs');
const path = require('path');
const YAML = require('yaml');

const ROOT = path.resolve(__dirname, '..');
const SCHEMA = path.join(ROOT, 'server', 'schema', 'oecd-legal-0406.yaml');
const TARGET = path.join(ROOT, 'syntaxes', 'dgs-strategy.tmLanguage.json');

/** Part and section keys as the schema lists them. */
function schemaKeys() {
  const schema = YAML.parse(fs.readFileSync(SCHEMA, 'utf8'));
  const parts = schema.parts.map((part) => part.key);
  const sections = schema.parts.flatMap((part) => part.recommendations.map((recommendation) => recommendation.section));
  return { parts, sections };
}

const escape = (word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// What follows a key's colon, or ends a plain scalar in block context.
const KEY_END = '(?=\\s|$)';
// A plain key: starts with no indicator, holds no ": " and no " #".
const PLAIN_KEY = "[^\\s#'\"\\[\\]{},&*!|>%@`-](?:[^:#]|:(?=\\S)|(?<=\\S)#)*?|-(?=\\S)(?:[^:#]|:(?=\\S)|(?<=\\S)#)*?";
const QUOTED_KEY = "\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^']|'')*'";
const CLAUSE = '(?:(?:XI{0,3}|IX|IV|VI{0,3}|I{1,3}|V)\\.)?\\d+(?:\\.[ivxlcdm]+)?';
const MEASURE_ID = '[A-Za-z][A-Za-z0-9_-]*';
// Where a scalar of a list or flow collection starts and ends.
const ITEM_START = "(?<=^|[\\s\\[,'\"])";
const ITEM_END = "(?=$|[\\s\\],}'\"#])";
const BLOCK_SCALAR = '[|>](?:[1-9][-+]?|[-+][1-9]?)?';

const SCOPES = {
  key: 'entity.name.tag.yaml',
  colon: 'punctuation.separator.key-value.mapping.yaml',
  dash: 'punctuation.definition.block.sequence.item.yaml',
  part: 'entity.name.tag.yaml entity.name.namespace.part.dgs-strategy',
  section: 'entity.name.tag.yaml entity.name.type.section.dgs-strategy',
  clause: 'constant.other.clause-reference.dgs-strategy',
  measureId: 'entity.name.function.measure-id.dgs-strategy',
  measureReference: 'variable.other.measure-reference.dgs-strategy',
};

/** The dashes before a key on a line, each scoped. */
const dashes = { patterns: [{ match: '-', name: SCOPES.dash }] };

/**
 * A key whose value holds references (`addresses`, `depends-on`), as a region that lasts
 * while the lines are indented deeper than the key (or are list items at its column).
 * Three forms: the key at the start of its line, after one `- `, and inside a flow mapping.
 */
function referenceRegion(key, name, item, scope) {
  const itemPattern = { match: `${ITEM_START}${item}${ITEM_END}`, name: scope };
  const begin = (prefix) => `${prefix}(${escape(key)})[ \\t]*(:)${KEY_END}`;
  const inner = [{ include: '#comment' }, { include: `#${name}-flow` }, { include: `#${name}-item` }, { include: '#block-value' }];
  return {
    [`${name}-block`]: {
      patterns: [
        {
          comment: `${key}: at the start of a line; ends at the first line not deeper than the key (a list at the key's own column belongs to it).`,
          begin: begin('^([ \\t]*)'),
          beginCaptures: { 2: { name: SCOPES.key }, 3: { name: SCOPES.colon } },
          end: '^(?=[ \\t]*\\S)(?![ \\t]*#)(?!\\1[ \\t]+\\S)(?!\\1-(?:\\s|$))',
          name: `meta.${name}.dgs-strategy`,
          patterns: inner,
        },
        {
          comment: `- ${key}: the first key of a list item; the key's column is the dash's plus the spaces after it.`,
          begin: begin('^([ \\t]*)(-)([ \\t]+)'),
          beginCaptures: { 2: { name: SCOPES.dash }, 4: { name: SCOPES.key }, 5: { name: SCOPES.colon } },
          end: '^(?=[ \\t]*\\S)(?![ \\t]*#)(?!\\1 \\3[ \\t]+\\S)(?!\\1 \\3-(?:\\s|$))',
          name: `meta.${name}.dgs-strategy`,
          patterns: inner,
        },
      ],
    },
    [`${name}-in-flow-mapping`]: {
      patterns: [
        {
          begin: `(${escape(key)})[ \\t]*(:)[ \\t]*(\\[)`,
          beginCaptures: { 1: { name: SCOPES.key }, 2: { name: SCOPES.colon }, 3: { name: 'punctuation.definition.sequence.begin.yaml' } },
          end: '\\]',
          endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
          name: `meta.${name}.dgs-strategy`,
          contentName: 'meta.flow.sequence.yaml',
          patterns: [{ include: '#comment' }, { match: ',', name: 'punctuation.separator.sequence.yaml' }, itemPattern, { include: '#flow-value' }],
        },
        {
          match: `(${escape(key)})[ \\t]*(:)[ \\t]*(${item})(?=[ \\t]*[,}]|[ \\t]*$)`,
          captures: { 1: { name: SCOPES.key }, 2: { name: SCOPES.colon }, 3: { name: scope } },
        },
      ],
    },
    [`${name}-flow`]: {
      begin: '\\[',
      beginCaptures: { 0: { name: 'punctuation.definition.sequence.begin.yaml' } },
      end: '\\]',
      endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
      name: 'meta.flow.sequence.yaml',
      patterns: [{ include: '#comment' }, { match: ',', name: 'punctuation.separator.sequence.yaml' }, itemPattern, { include: '#flow-value' }],
    },
    [`${name}-item`]: {
      patterns: [
        {
          comment: 'A list item holding one reference, plain or quoted.',
          match: `^([ \\t]*)(-)[ \\t]+(?:(${item})|(["'])(${item})(\\4))(?=[ \\t]*(?:#|$))`,
          captures: {
            2: { name: SCOPES.dash },
            3: { name: scope },
            4: { name: 'string.quoted.yaml punctuation.definition.string.begin.yaml' },
            5: { name: scope },
            6: { name: 'string.quoted.yaml punctuation.definition.string.end.yaml' },
          },
        },
        {
          comment: 'A single reference as the value itself.',
          match: `(?<=:[ \\t])[ \\t]*(${item})(?=[ \\t]*(?:#|$))`,
          captures: { 1: { name: scope } },
        },
      ],
    },
  };
}

function grammar() {
  const { parts, sections } = schemaKeys();
  const addresses = referenceRegion('addresses', 'addresses', CLAUSE, SCOPES.clause);
  const dependsOn = referenceRegion('depends-on', 'depends-on', MEASURE_ID, SCOPES.measureReference);
  const pair = (keyPattern, keyScope) => ({
    match: `^([ \\t]*)((?:-[ \\t]+)*)(${keyPattern})[ \\t]*(:)${KEY_END}`,
    captures: { 2: dashes, 3: { name: keyScope }, 4: { name: SCOPES.colon } },
  });
  return {
    $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
    name: 'DGS strategy (YAML)',
    scopeName: 'source.dgs-strategy',
    comment: 'Generated by scripts/generate-grammar.js from the schema (part and section keys). Edit the script, not this file.',
    patterns: [
      { include: '#comment' },
      { include: '#document-marker' },
      { include: '#directive' },
      { include: '#block-scalar' },
      { include: '#part-key' },
      { include: '#section-key' },
      { include: '#measure-id' },
      { include: '#addresses-block' },
      { include: '#depends-on-block' },
      { include: '#block-pair' },
      { include: '#block-sequence-item' },
      { include: '#block-value' },
    ],
    repository: {
      comment: {
        begin: '(?:^|(?<=\\s))(#)',
        beginCaptures: { 1: { name: 'punctuation.definition.comment.yaml' } },
        end: '$',
        name: 'comment.line.number-sign.yaml',
        patterns: [
          // The marker stays a comment to every theme: no keyword scope (2026 Dark paints keywords the red of errors).
          { match: '(?<=#)[ \\t]*(dgs-strategy)(?=\\s|$)', captures: { 1: { name: 'meta.marker.dgs-strategy' } } },
          {
            match: '(?<=#)[ \\t]*(dgs-disable(?:-next-line)?)(?=\\s|$)((?:[ \\t,]+[a-z][a-z-]*)*)',
            captures: { 1: { name: 'keyword.other.directive.dgs-strategy' }, 2: { patterns: [{ match: '[a-z][a-z-]*', name: 'constant.other.rule-id.dgs-strategy' }] } },
          },
        ],
      },
      'document-marker': { match: '^(?:---|\\.\\.\\.)(?=\\s|$)', name: 'entity.other.document.yaml' },
      directive: { match: '^%.*$', name: 'meta.directive.yaml' },
      'part-key': {
        comment: 'The parts of the Recommendation, as top-level keys. The list is the schema\'s (test/unit/manifest.test.ts checks it).',
        match: `^(${parts.map(escape).join('|')})[ \\t]*(:)${KEY_END}`,
        captures: { 1: { name: SCOPES.part }, 2: { name: SCOPES.colon } },
      },
      'section-key': {
        comment: 'The twelve sections, as keys under a part. The list is the schema\'s (test/unit/manifest.test.ts checks it).',
        match: `^([ \\t]+)(${sections.map(escape).join('|')})[ \\t]*(:)${KEY_END}`,
        captures: { 2: { name: SCOPES.section }, 3: { name: SCOPES.colon } },
      },
      'measure-id': {
        comment: 'id: OPN-1, the definition of a measure id.',
        match: `^([ \\t]*)((?:-[ \\t]+)*)(id)[ \\t]*(:)[ \\t]+(${MEASURE_ID})(?=[ \\t]*(?:#|$))`,
        captures: { 2: dashes, 3: { name: SCOPES.key }, 4: { name: SCOPES.colon }, 5: { name: SCOPES.measureId } },
      },
      'measure-id-in-flow-mapping': {
        match: `(?<=[{,\\s])(id)[ \\t]*(:)[ \\t]*(${MEASURE_ID})(?=[ \\t]*[,}]|[ \\t]*$)`,
        captures: { 1: { name: SCOPES.key }, 2: { name: SCOPES.colon }, 3: { name: SCOPES.measureId } },
      },
      ...addresses,
      ...dependsOn,
      'block-scalar': {
        patterns: [
          {
            comment: 'key: | (or >), at the start of a line: the text lasts while lines are deeper than the key.',
            begin: `^([ \\t]*)(${PLAIN_KEY}|${QUOTED_KEY})[ \\t]*(:)[ \\t]+(${BLOCK_SCALAR})(?=[ \\t]*(?:#.*)?$)`,
            beginCaptures: { 2: { name: SCOPES.key }, 3: { name: SCOPES.colon }, 4: { name: 'keyword.control.flow.block-scalar.yaml' } },
            end: '^(?=[ \\t]*\\S)(?!\\1[ \\t]+\\S)',
            contentName: 'string.unquoted.block.yaml',
            patterns: [{ include: '#block-scalar-header-comment' }],
          },
          {
            comment: '- key: | : the key\'s column is the dash\'s plus the spaces after it.',
            begin: `^([ \\t]*)(-)([ \\t]+)(${PLAIN_KEY}|${QUOTED_KEY})[ \\t]*(:)[ \\t]+(${BLOCK_SCALAR})(?=[ \\t]*(?:#.*)?$)`,
            beginCaptures: { 2: { name: SCOPES.dash }, 4: { name: SCOPES.key }, 5: { name: SCOPES.colon }, 6: { name: 'keyword.control.flow.block-scalar.yaml' } },
            end: '^(?=[ \\t]*\\S)(?!\\1 \\3[ \\t]+\\S)',
            contentName: 'string.unquoted.block.yaml',
            patterns: [{ include: '#block-scalar-header-comment' }],
          },
          {
            comment: '- | : a list item that is a block of text.',
            begin: `^([ \\t]*)(-)[ \\t]+(${BLOCK_SCALAR})(?=[ \\t]*(?:#.*)?$)`,
            beginCaptures: { 2: { name: SCOPES.dash }, 3: { name: 'keyword.control.flow.block-scalar.yaml' } },
            end: '^(?=[ \\t]*\\S)(?!\\1[ \\t]+\\S)',
            contentName: 'string.unquoted.block.yaml',
            patterns: [{ include: '#block-scalar-header-comment' }],
          },
        ],
      },
      'block-scalar-header-comment': { match: '\\G[ \\t]+(#.*)$', captures: { 1: { name: 'comment.line.number-sign.yaml' } } },
      'block-pair': { patterns: [pair(`${PLAIN_KEY}|${QUOTED_KEY}`, SCOPES.key)] },
      'block-sequence-item': { match: '^([ \\t]*)((?:-[ \\t]+)*-)(?=\\s|$)', captures: { 2: dashes } },
      'block-value': {
        patterns: [
          { include: '#comment' },
          { include: '#flow-sequence' },
          { include: '#flow-mapping' },
          { include: '#double-quoted' },
          { include: '#single-quoted' },
          { include: '#properties' },
          { include: '#typed-scalar-block' },
          { match: "[^\\s#](?:[^#]|(?<=\\S)#)*?(?=[ \\t]+#|[ \\t]*$)", name: 'string.unquoted.plain.out.yaml' },
        ],
      },
      'typed-scalar-block': {
        patterns: [
          { match: '(?<=^|\\s)(?:null|Null|NULL|~)(?=[ \\t]*(?:#|$))', name: 'constant.language.null.yaml' },
          { match: '(?<=^|\\s)(?:true|True|TRUE|false|False|FALSE)(?=[ \\t]*(?:#|$))', name: 'constant.language.boolean.yaml' },
          { match: '(?<=^|\\s)\\d{4}-\\d{2}(?:-\\d{2})?(?=[ \\t]*(?:#|$))', name: 'constant.other.date.dgs-strategy' },
          { match: '(?<=^|\\s)[-+]?(?:\\d+\\.\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?(?=[ \\t]*(?:#|$))', name: 'constant.numeric.float.yaml' },
          { match: '(?<=^|\\s)[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|\\d+)(?=[ \\t]*(?:#|$))', name: 'constant.numeric.integer.yaml' },
        ],
      },
      'typed-scalar-flow': {
        patterns: [
          { match: '(?<=^|[\\s\\[{,])(?:null|Null|NULL|~)(?=[ \\t]*(?:[,\\]}#]|$))', name: 'constant.language.null.yaml' },
          { match: '(?<=^|[\\s\\[{,])(?:true|True|TRUE|false|False|FALSE)(?=[ \\t]*(?:[,\\]}#]|$))', name: 'constant.language.boolean.yaml' },
          { match: '(?<=^|[\\s\\[{,])\\d{4}-\\d{2}(?:-\\d{2})?(?=[ \\t]*(?:[,\\]}#]|$))', name: 'constant.other.date.dgs-strategy' },
          { match: '(?<=^|[\\s\\[{,])[-+]?(?:\\d+\\.\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?(?=[ \\t]*(?:[,\\]}#]|$))', name: 'constant.numeric.float.yaml' },
          { match: '(?<=^|[\\s\\[{,])[-+]?(?:0x[0-9a-fA-F]+|0o[0-7]+|\\d+)(?=[ \\t]*(?:[,\\]}#]|$))', name: 'constant.numeric.integer.yaml' },
        ],
      },
      'flow-value': {
        patterns: [
          { include: '#comment' },
          { include: '#flow-sequence' },
          { include: '#flow-mapping' },
          { include: '#double-quoted' },
          { include: '#single-quoted' },
          { include: '#properties' },
          {
            match: `([^\\s,\\[\\]{}#:'"](?:[^,\\[\\]{}#:]|:(?=[^\\s,\\]}]))*?)[ \\t]*(:)(?=[\\s,\\]}]|$)`,
            captures: { 1: { name: SCOPES.key }, 2: { name: SCOPES.colon } },
          },
          { include: '#typed-scalar-flow' },
          { match: "[^\\s,\\[\\]{}#](?:[^,\\[\\]{}#]|(?<=\\S)#)*?(?=[ \\t]*(?:[,\\]}]|[ \\t]#|$))", name: 'string.unquoted.plain.in.yaml' },
        ],
      },
      'flow-sequence': {
        begin: '\\[',
        beginCaptures: { 0: { name: 'punctuation.definition.sequence.begin.yaml' } },
        end: '\\]',
        endCaptures: { 0: { name: 'punctuation.definition.sequence.end.yaml' } },
        name: 'meta.flow.sequence.yaml',
        patterns: [{ match: ',', name: 'punctuation.separator.sequence.yaml' }, { include: '#flow-value' }],
      },
      'flow-mapping': {
        begin: '\\{',
        beginCaptures: { 0: { name: 'punctuation.definition.mapping.begin.yaml' } },
        end: '\\}',
        endCaptures: { 0: { name: 'punctuation.definition.mapping.end.yaml' } },
        name: 'meta.flow.mapping.yaml',
        patterns: [
          { match: ',', name: 'punctuation.separator.mapping.yaml' },
          { include: '#measure-id-in-flow-mapping' },
          { include: '#addresses-in-flow-mapping' },
          { include: '#depends-on-in-flow-mapping' },
          { include: '#flow-value' },
        ],
      },
      'double-quoted': {
        begin: '"',
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.yaml' } },
        end: '"',
        endCaptures: { 0: { name: 'punctuation.definition.string.end.yaml' } },
        name: 'string.quoted.double.yaml',
        patterns: [{ match: '\\\\(?:[0abtnvfre "/\\\\N_LP\\t]|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})', name: 'constant.character.escape.yaml' }, { match: '\\\\.', name: 'invalid.illegal.escape.yaml' }],
      },
      'single-quoted': {
        begin: "'",
        beginCaptures: { 0: { name: 'punctuation.definition.string.begin.yaml' } },
        end: "'(?!')",
        endCaptures: { 0: { name: 'punctuation.definition.string.end.yaml' } },
        name: 'string.quoted.single.yaml',
        patterns: [{ match: "''", name: 'constant.character.escape.single-quote.yaml' }],
      },
      properties: {
        patterns: [
          { match: '(&)([^\\s,\\[\\]{}]+)', captures: { 0: { name: 'entity.name.type.anchor.yaml' }, 1: { name: 'punctuation.definition.anchor.yaml' } } },
          { match: '(\\*)([^\\s,\\[\\]{}]+)', captures: { 0: { name: 'variable.other.alias.yaml' }, 1: { name: 'punctuation.definition.alias.yaml' } } },
          { match: '!(?:<[^>]*>|[\\w!-]*)(?=\\s|$)', name: 'storage.type.tag-handle.yaml' },
        ],
      },
    },
  };
}

function main() {
  const text = JSON.stringify(grammar(), null, 2) + '\n';
  syncGeneratedFile(TARGET, text, 'scripts/generate-grammar.js');
}

module.exports = { grammar };
if (require.main === module) main();
