/** Strategies the coverage report tests share. */

/**
 * 1.i and 1.iii: OPN-1, with a lead and an indicator. 1.ii: OPN-2, without an indicator.
 * 2.i: ENG-1, whose lead is a placeholder. 5 and 12.i: LDR-1. `6` is too broad and covers
 * nothing. Part `implementation` is absent.
 */
export const SMALL = `# dgs-strategy
strategy:
  title: Test strategy
  government: Republic of Testland
  level: national
  period: { from: 2026, to: 2030 }
  status: draft
  lead: Ministry of Digital Affairs
objectives:
  openness:
    summary: Open government.
    measures:
      - id: OPN-1
        title: Accessibility standard
        addresses: [1.i, 1.iii]
        lead: Agency for Digitisation
        due: 2027-06
        indicators:
          - { name: Services meeting the standard, baseline: 42%, target: 90%, by: 2030 }
      - id: OPN-2
        title: Transparency act update
        addresses: [1.ii]
        lead: Ministry of Justice
  engagement:
    summary: Engagement.
    measures:
      - id: ENG-1
        title: Participation platform
        addresses: [2.i, 6]
        lead: TODO name the lead institution
        indicators:
          - { name: Consultations run, target: 120 a year }
development:
  leadership:
    summary: Leadership.
    measures:
      - id: LDR-1
        title: Digital council
        addresses: [5, 12.i]
        lead: Prime Minister's Office
        status: in-progress
        indicators:
          - { name: Council meetings, target: 4 a year }
`;

/** The small strategy with markup, Markdown and table syntax in every text a drafter writes. */
export const HOSTILE = SMALL.replace('title: Test strategy', 'title: "<script>window.__pwned = 1</script> | *bold* [link](http://example.org) & &amp; # end"')
  .replace('title: Accessibility standard', 'title: \'"><img src=x onerror="window.__pwned = 2"> <!-- |\'')
  .replace('lead: Agency for Digitisation', 'lead: "</td></tr></table><script>window.__pwned = 3</script>"')
  .replace('name: Services meeting the standard', 'name: "<style>body{display:none}</style>"');

/**
 * A strategy with `count` measures spread over the twelve sections, each addressing the
 * first unit of its own section and a unit of another, so that the matrix is well filled.
 */
export function manyMeasures(count: number, sections: Array<{ part: string; section: string; prefix: string; units: string[] }>, allUnits: string[]): string {
  const lines = [
    '# dgs-strategy',
    'strategy:',
    '  title: A strategy with many measures',
    '  government: Republic of Testland',
    '  level: national',
    '  period: { from: 2026, to: 2030 }',
    '  status: draft',
    '  lead: Ministry of Digital Affairs',
  ];
  const perSection = sections.map(() => [] as string[]);
  for (let index = 0; index < count; index++) {
    const at = index % sections.length;
    const section = sections[at];
    const other = allUnits[(index * 7) % allUnits.length];
    const accountable = index % 5 !== 0;
    perSection[at].push(
      `      - id: ${section.prefix}-${index + 1}`,
      `        title: Measure number ${index + 1}`,
      `        addresses: [${section.units[index % section.units.length]}, ${other}]`,
      ...(accountable ? ['        lead: Agency for Digitisation', '        indicators:', '          - { name: Progress, target: 100% }'] : []),
    );
  }
  let part = '';
  sections.forEach((section, at) => {
    if (perSection[at].length === 0) return;
    if (section.part !== part) {
      lines.push(`${section.part}:`);
      part = section.part;
    }
    lines.push(`  ${section.section}:`, '    summary: Work in this section.', '    measures:', ...perSection[at]);
  });
  return lines.join('\n') + '\n';
}
