/** The field extractors of `dgs import`: each one on the ways drafters state a field, and on text that only looks like one. */
import * as assert from 'assert';
import { dateAt } from '../../server/src/import/dates';
import { extractBudget, extractDue, extractFields, extractIndicators, extractLead, extractPartners, parseNumber } from '../../server/src/import/fields';

describe('import: dates', () => {
  const cases: [string, string | undefined][] = [
    ['Q3 2026', '2026-09'],
    ['Q1 2027, then', '2027-03'],
    ['2026-Q2', '2026-06'],
    ['June 2027', '2027-06'],
    ['Sept. 2026', '2026-09'],
    ['30 June 2027', '2027-06-30'],
    ['1st March 2025', '2025-03-01'],
    ['March 1, 2025', '2025-03-01'],
    ['2027-06', '2027-06'],
    ['2027-06-30', '2027-06-30'],
    ['30/06/2027', '2027-06-30'],
    ['06/2027', '2027-06'],
    ['H2 2028', '2028-12'],
    ['the first half of 2027', undefined],
    ['first half of 2027', '2027-06'],
    ['end of 2027', '2027-12'],
    ['mid-2026', '2026-06'],
    ['2027', '2027'],
    ['the ministry', undefined],
    ['12 agencies', undefined],
    ['1850', undefined],
    ['2027-13', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`"${text}" → ${expected ?? 'no date'}`, () => assert.strictEqual(dateAt(text)?.value, expected));
  }
});

describe('import: lead', () => {
  const cases: [string, string | undefined][] = [
    ['Open data portal, led by the Data Agency, by Q3 2026.', 'Data Agency'],
    ['Responsible: Web and Digital Services Team. Due: Q4 2026.', 'Web and Digital Services Team'],
    ['Lead: Northvale Library Network', 'Northvale Library Network'],
    ['Lead agency: National Statistics Office; due 2027', 'National Statistics Office'],
    ['A portal. The Digital Services Unit leads the work, with a target date of June 2027.', 'Digital Services Unit'],
    ['The Public Works Department is responsible. Expected by September 2026.', 'Public Works Department'],
    ['Led by the Ministry of Finance with the Agency for Digitisation, from 2026.', 'Ministry of Finance'],
    ['under the leadership of the Prime Minister\'s Office', "Prime Minister's Office"],
    ['Residents who are not online get help in libraries.', undefined],
    ['This is led by a group of people we will name later.', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected ?? 'none'}`, () => assert.strictEqual(extractLead(text), expected));
  }
});

describe('import: partners', () => {
  it('a list after "in cooperation with", split at commas and "and"', () => {
    assert.deepStrictEqual(extractPartners('led by the Data Agency in cooperation with the Statistics Office, municipalities and Examplia University, by Q3 2026.'), [
      'Statistics Office',
      'municipalities',
      'Examplia University',
    ]);
  });
  it('a "Partners:" line', () => {
    assert.deepStrictEqual(extractPartners('Partners: municipalities of Northvale, volunteer associations'), ['municipalities of Northvale', 'volunteer associations']);
  });
  it('no partners in a text that names none', () => {
    assert.strictEqual(extractPartners('The agency publishes the data with a licence.'), undefined);
  });
});

describe('import: due date', () => {
  const cases: [string, string | undefined][] = [
    ['Launch by 2027.', '2027'],
    ['Ready by Q3 2026, with a review in 2028.', '2026-09'],
    ['The rules change by June 2027.', '2027-06'],
    ['Deadline: Q4 2025. Budget: EUR 1 million.', '2025-12'],
    ['Timeline: 2026–2028.', '2028'],
    ['Started in 2024 with a pilot.', undefined],
    ['Launched in Q2 2027.', '2027-06'],
    ['led by the Data Agency', undefined],
    ['from January 2026 until 2029', '2029'],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected ?? 'none'}`, () => assert.strictEqual(extractDue(text), expected));
  }
  it('a date that belongs to an indicator is not the due date', () => {
    const text = 'Online take-up rises from 40% to 90% by 2030.';
    const spans = extractIndicators(text).map((match) => match.span);
    assert.strictEqual(extractDue(text, spans), undefined);
    assert.strictEqual(extractFields(`${text} Due: 2027.`, 'Take-up').due, '2027');
  });
});

describe('import: budget', () => {
  const cases: [string, { amount: number; currency: string } | undefined][] = [
    ['Budget: EUR 2.5 million.', { amount: 2500000, currency: 'EUR' }],
    ['at a cost of €2,500,000 over three years', { amount: 2500000, currency: 'EUR' }],
    ['DKK 10m for the first phase', { amount: 10000000, currency: 'DKK' }],
    ['2.5 million euros', { amount: 2500000, currency: 'EUR' }],
    ['SEK 4.2m', { amount: 4200000, currency: 'SEK' }],
    ['EUR 1.250.000', { amount: 1250000, currency: 'EUR' }],
    ['EUR 2,5 million', { amount: 2500000, currency: 'EUR' }],
    ['EUR 650k', { amount: 650000, currency: 'EUR' }],
    ['£1.2bn', { amount: 1200000000, currency: 'GBP' }],
    ['Deadline: Q2 2025. DKK 10m.', { amount: 10000000, currency: 'DKK' }],
    ['Every project above €100,000 is published.', undefined],
    ['which saves an estimated €120,000 a year', undefined],
    ['No money is set aside yet.', undefined],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} → ${expected ? `${expected.amount} ${expected.currency}` : 'none'}`, () => assert.deepStrictEqual(extractBudget(text), expected));
  }
  it('the amount the text calls a budget wins over an earlier one', () => {
    assert.deepStrictEqual(extractBudget('Projects worth €2 million a year are voted on. Budget: €300,000.'), { amount: 300000, currency: 'EUR' });
  });
  it('numbers as written in different countries', () => {
    assert.strictEqual(parseNumber('2,500,000', false), 2500000);
    assert.strictEqual(parseNumber('2.500.000', false), 2500000);
    assert.strictEqual(parseNumber("1'000'000", false), 1000000);
    assert.strictEqual(parseNumber('1,250.5', true), 1250.5);
    assert.strictEqual(parseNumber('250,000', false), 250000);
    assert.strictEqual(parseNumber('2.5', true), 2.5);
  });
});

describe('import: indicators', () => {
  it('"from 40% to 90% by 2030", named by the words before', () => {
    assert.deepStrictEqual(
      extractIndicators('The share of services meeting the standard rises from 42% to 90% by 2030.').map((match) => match.indicator),
      [{ name: 'Share of services meeting the standard', baseline: '42%', target: '90%', by: '2030' }],
    );
  });
  it('with units, and with a verb before the name', () => {
    assert.deepStrictEqual(
      extractIndicators('We will cut average waiting time from 9 months to 3 months by 2027.').map((match) => match.indicator),
      [{ name: 'Average waiting time', baseline: '9 months', target: '3 months', by: '2027' }],
    );
  });
  it('baseline and target stated as such', () => {
    assert.deepStrictEqual(
      extractIndicators('Services on the platform: baseline 12, target 40 (2028).').map((match) => match.indicator),
      [{ name: undefined, baseline: '12', target: '40', by: '2028' }],
    );
  });
  it('a target alone', () => {
    assert.deepStrictEqual(extractIndicators('Target: 95% of residents with an eID by 2029.').map((match) => match.indicator), [
      { name: 'Residents with an eID', target: '95%', by: '2029' },
    ]);
  });
  it('an indicator without a name of its own is named after the measure', () => {
    assert.strictEqual(extractFields('Baseline 12, target 40.', 'Shared services').indicators?.[0].name, 'Shared services');
  });
  it('no indicator in numbers that are not one', () => {
    assert.deepStrictEqual(extractIndicators('Open from 9 to 17 on weekdays in 12 libraries.').length, 1, 'a from-to range reads as one; the drafter checks it');
    assert.deepStrictEqual(extractIndicators('120 digital inclusion centres in libraries.'), []);
  });
});
