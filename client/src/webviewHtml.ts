/**
 * The coverage report as the webview shows it: the server's report under a content security
 * policy that lets only the extension's own script and stylesheet in, with the stylesheet
 * that makes it follow the editor's theme and width. Pure.
 */

/** What the webview may load: the report's inline styles, the extension's stylesheet and script (by nonce), data images. */
export function contentSecurityPolicy(cspSource: string, nonce?: string): string {
  const script = nonce ? ` script-src 'nonce-${nonce}';` : '';
  return `default-src 'none'; style-src 'unsafe-inline' ${cspSource}; img-src ${cspSource} data:; font-src ${cspSource};${script}`;
}

/** The report's HTML with the content security policy first in its head. */
export function withContentSecurityPolicy(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => `${head}\n${meta}`);
  if (/<html[^>]*>/i.test(html)) return html.replace(/<html[^>]*>/i, (tag) => `${tag}<head>${meta}</head>`);
  return `${meta}\n${html}`;
}

/**
 * The report as a webview page: the policy first, the webview's stylesheet after the report's
 * own styles (so that it wins), and its script at the end of the body.
 */
export function webviewPage(html: string, resources: { cspSource: string; nonce: string; styleUri: string; scriptUri: string }): string {
  const stylesheet = `<link rel="stylesheet" href="${escapeHtml(resources.styleUri)}">`;
  const script = `<script nonce="${resources.nonce}" src="${escapeHtml(resources.scriptUri)}"></script>`;
  let page = withContentSecurityPolicy(html, contentSecurityPolicy(resources.cspSource, resources.nonce));
  page = /<\/head>/i.test(page) ? page.replace(/<\/head>/i, `${stylesheet}\n</head>`) : `${stylesheet}\n${page}`;
  page = /<\/body>/i.test(page) ? page.replace(/<\/body>(?![\s\S]*<\/body>)/i, `${script}\n</body>`) : `${page}\n${script}`;
  return page;
}

/** A fresh nonce for a page's script. */
export function makeNonce(random: () => number = Math.random): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let nonce = '';
  for (let i = 0; i < 32; i++) nonce += alphabet.charAt(Math.floor(random() * alphabet.length));
  return nonce;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
