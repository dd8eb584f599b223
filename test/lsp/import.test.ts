/** The language server's side of "DGS: Import a strategy document", over the real protocol. */
import * as assert from 'assert';
import { ExecuteCommandRequest } from 'vscode-languageserver-protocol';
import { parse } from 'yaml';
import { IMPORT_DOCUMENT_COMMAND, ImportDocumentResult } from '../../server/src/import/protocol';
import { buildDocx } from '../import/docxFixture';
import { LspClient } from './client';

describe('language server: importing a document', function () {
  this.timeout(120_000);
  let client: LspClient;
  let commands: string[] = [];
  before(async () => {
    const started = await LspClient.start();
    client = started.client;
    commands = started.initialize.capabilities.executeCommandProvider?.commands ?? [];
  });
  after(async () => client?.stop());

  const run = (argument: unknown): Promise<ImportDocumentResult> =>
    client.connection.sendRequest(ExecuteCommandRequest.type, { command: IMPORT_DOCUMENT_COMMAND, arguments: [argument] }) as Promise<ImportDocumentResult>;

  it('offers the command, and turns a Word document sent as bytes into a strategy', async () => {
    assert.ok(commands.includes(IMPORT_DOCUMENT_COMMAND));
    const bytes = await buildDocx('title: Digital Riverton 2025–2028\np: City of Riverton\nh1: Open services\nul: **Accessible forms.** Led by the Web Team, by Q4 2026.\n');
    const result = await run({ fileName: 'plan.docx', content: Buffer.from(bytes).toString('base64') });
    assert.ok('text' in result, JSON.stringify(result));
    const data = parse(result.text);
    assert.strictEqual(data.strategy.title, 'Digital Riverton 2025–2028');
    assert.strictEqual(result.measures, 1);
  });

  it('answers with a sentence, not a failure, for a format it does not read or a broken file', async () => {
    assert.deepStrictEqual(await run({ fileName: 'plan.pdf', content: '' }), {
      error: 'plan.pdf is not a Word (.docx), Markdown (.md) or text (.txt) document; save it in one of these formats first.',
    });
    const broken = await run({ fileName: 'plan.docx', content: Buffer.from('not a zip').toString('base64') });
    assert.ok('error' in broken && broken.error.startsWith('plan.docx could not be read: '), JSON.stringify(broken));
    assert.deepStrictEqual(await run(undefined), { error: 'The import was asked for without a document.' });
  });
});
