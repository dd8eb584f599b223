// The coverage report's script in the VS Code webview: a click (or Enter) on a measure, a
// clause or a finding asks the extension to show it in the editor; the scroll position
// survives the report being rendered again as the drafter types.
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  const LINKED = '[data-dgs-measure],[data-dgs-clause],[data-dgs-finding]';

  function messageFor(element) {
    const measure = element.getAttribute('data-dgs-measure');
    if (measure !== null) return { type: 'reveal-measure', index: Number(measure) };
    const clause = element.getAttribute('data-dgs-clause');
    if (clause !== null) return { type: 'reveal-clause', ref: clause };
    const finding = /^(\d+):(\d+)$/.exec(element.getAttribute('data-dgs-finding') || '');
    if (finding) return { type: 'reveal-finding', line: Number(finding[1]), column: Number(finding[2]) };
    return undefined;
  }

  function reveal(event) {
    const target = event.target instanceof Element ? event.target : null;
    // Links inside the report (the contents, the summary) keep working as links.
    if (!target || target.closest('a[href]')) return;
    // Selecting text to copy it is not a click on the row.
    if (event.type === 'click' && String(window.getSelection() || '') !== '') return;
    const element = target.closest(LINKED);
    const message = element && messageFor(element);
    if (!message) return;
    event.preventDefault();
    vscode.postMessage(message);
  }

  for (const element of document.querySelectorAll(LINKED)) {
    element.classList.add('dgs-link');
    element.setAttribute('tabindex', '0');
    if (!element.hasAttribute('title')) element.setAttribute('title', 'Show in the editor');
  }
  document.addEventListener('click', reveal);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && event.target instanceof Element && event.target.matches(LINKED)) reveal(event);
  });

  const state = vscode.getState() || {};
  if (typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  let pending = false;
  window.addEventListener('scroll', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      vscode.setState({ scrollY: window.scrollY });
    });
  });
})();
