// Runs axe-core (the accessibility engine behind Lighthouse and the browsers' dev tools) in a
// page and returns its violations, each shortened to the rule, its impact and the elements hit.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { EnginePage } from '../harness/driver';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  rule: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe's WCAG 2.x A and AA rules plus its best practices, over the whole document. */
export async function axeViolations(page: EnginePage): Promise<AxeViolation[]> {
  // Indirect eval runs the script in the page's global scope, as a script tag would.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(`((0, eval)(${JSON.stringify(axeSource)}), true)`);
  // A string, not a function: the axe global exists only in the page.
  return page.evaluate<AxeViolation[]>(`axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    }).then((result) => result.violations.map((v) => ({
      rule: v.id, impact: v.impact ?? null, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')).slice(0, 5),
    })))`);
}
