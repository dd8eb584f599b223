/**
 * The export and diff requests over the real protocol: what the extension's "Export to Word",
 * "Export to spreadsheet" and "Compare with the last commit" commands ask the server.
 */
import * as assert from 'assert';
import * as mammoth from 'mammoth';
import { ResponseError } from 'vscode-languageserver-protocol/node';
import { CLEAN } from '../cli/helpers';
import { DIFF_REQUEST, DiffRequestResult, EXPORT_REQUEST, ExportRequestResult } from '../../server/src/export/protocol';
import { LspClient } from './client';

describe('language server over stdio: export and diff requests', function () {
  this.timeout(120_000);
  let client: LspClient;
  let uri: string;

  before(async () => {
    ({ client } = await LspClient.start());
    uri = client.uri('city.strategy.yaml');
    await client.open(uri, CLEAN.replace('title: Peer reviews,', 'title: Peer reviews with neighbours,'), 'dgs-strategy');
    await client.nextDiagnostics(uri);
  });
  after(async () => client.stop());

  it('exports the open strategy, unsaved edits included, as a Word document', async () => {
    const result = (await client.connection.sendRequest(EXPORT_REQUEST, { uri, format: 'docx' })) as ExportRequestResult;
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(result.base64, 'base64') })).value;
    assert.match(html, /INT-1  Peer reviews with neighbours<\/h3>/);
  });

  it('exports a CSV table', async () => {
    const result = (await client.connection.sendRequest(EXPORT_REQUEST, { uri, format: 'csv', table: 'clauses' })) as ExportRequestResult;
    const csv = Buffer.from(result.base64, 'base64').toString('utf8');
    assert.ok(csv.startsWith('\ufeffClause,Recommendation,Section,Text,Status,Measures\r\n'));
    assert.strictEqual(csv.split('\r\n').length, 1 + 26 + 1);
  });

  it('exports a workbook of both tables, unsaved edits included', async () => {
    const result = (await client.connection.sendRequest(EXPORT_REQUEST, { uri, format: 'xlsx' })) as ExportRequestResult;
    const bytes = Buffer.from(result.base64, 'base64');
    assert.strictEqual(bytes.subarray(0, 4).toString('latin1'), 'PK\u0003\u0004', 'a zip package');
    // Stored, not compressed: the sheets' XML is in the bytes as written.
    const text = bytes.toString('utf8');
    assert.ok(text.includes('<sheet name="Measures" sheetId="1" r:id="rId1"/><sheet name="Clauses" sheetId="2" r:id="rId2"/>'));
    assert.ok(text.includes('<t>Peer reviews with neighbours</t>'));
  });

  it('compares an earlier text with the open strategy, in Markdown', async () => {
    const result = (await client.connection.sendRequest(DIFF_REQUEST, { uri, previousText: CLEAN, previousLabel: 'HEAD:city.strategy.yaml' })) as DiffRequestResult;
    assert.match(result.text, /^## Strategy changes: Digital Government Strategy 2026-2030\n\nFrom HEAD:city\.strategy\.yaml to city\.strategy\.yaml\./);
    assert.match(result.text, /- \*\*INT-1\*\*: renamed from "Peer reviews" to "Peer reviews with neighbours"/);
  });

  it('answers null for a document it does not have, and an error for wrong parameters', async () => {
    assert.strictEqual(await client.connection.sendRequest(EXPORT_REQUEST, { uri: client.uri('closed.strategy.yaml'), format: 'csv' }), null);
    await assert.rejects(client.connection.sendRequest(EXPORT_REQUEST, { uri, format: 'pdf' }), (error: ResponseError<unknown>) => /must be one of docx, xlsx, csv/.test(error.message));
    await assert.rejects(client.connection.sendRequest(DIFF_REQUEST, { uri }), (error: ResponseError<unknown>) => /earlier text/.test(error.message));
  });
});
