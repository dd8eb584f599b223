/** Inline strategies for the protocol tests: small enough to read, with known findings. */

/** A strategy with a handful of findings whose places the tests know. */
export const SMALL = `# dgs-strategy
strategy:
  title: Test strategy
  government: Testland
  level: national
  period: { from: 2026, to: 2030 }
  status: draft
  lead: Ministry of Digital Affairs
objectives:
  openness:
    summary: Digital Government for everyone, with E-Government services.
    measures:
      - id: OPN-1
        title: Open processes
        addresses: [1.i, 1.x]
        lead: Agency for Digitisation
        indicators:
          - { name: Processes opened, target: 10 }
      - id: OPN-2
        title: Inclusive services
        addresses: [1.iii, 6]
        depends-on: [OPN-1, OPN-9]
        lead: Agency for Digitisation
  security-and-privacy:
    summary: Risks are managed.
    measures:
      - id: SEC-1
        title: Risk framework
        addresses: [4]
        lead: Cyber Security Centre
        indicators:
          - { name: Registers kept, target: 100% }
development:
  leadership:
    summary: Political backing for the strategy.
    measures:
      - id: LDR-1
        title: International forum
        addresses: [8]
        lead: Ministry of Foreign Affairs
        indicators:
          - { name: Forums attended, target: 3 }
  governance:
    summary: Clear responsibilities.
    measures:
      - id: GOV-1
        title: Digital board
        addresses: [7.i, 1.i]
        lead: Prime Minister's Office
        depends-on: [OPN-1]
        indicators:
          - { name: Board meetings, target: 4 }
`;

/** Not a strategy: no marker, no strategy name. */
export const PLAIN_YAML = `name: build
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
`;
