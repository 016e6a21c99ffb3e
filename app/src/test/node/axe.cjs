// axe-core's WCAG 2.1 AA rules on the page as it is now. The source is evaluated through the DevTools
// protocol rather than added as a <script>, so the page's own Content-Security-Policy stays as served.
const fs = require('node:fs');

const source = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
// Vaadin's development tools (Copilot, dev-tools) are attached to pages only when the app runs in development
// mode, as it does under tests; the production jar never serves them, so they are not part of the product.
const DEVELOPMENT_TOOLS = ['copilot-main', 'vaadin-dev-tools'];

/**
 * The violations as {id, impact, help, targets} (empty when the page passes). `include` narrows the check
 * to some elements, e.g. an open dialog's overlay: the page behind a modal is dimmed on purpose and is
 * checked on its own without the dialog.
 */
async function axeViolations(page, include) {
  await page.evaluate(source);
  const results = await page.evaluate(([tags, exclude, only]) => window.axe.run(
    only ? { include: only.map((selector) => [selector]), exclude: exclude.map((tag) => [tag]) }
      : { exclude: exclude.map((tag) => [tag]) },
    { runOnly: { type: 'tag', values: tags } }), [TAGS, DEVELOPMENT_TOOLS, include || null]);
  return results.violations.map((v) => ({
    id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
  }));
}

module.exports = { axeViolations };
