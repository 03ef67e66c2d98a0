// The model-size budget in the live page (src/engine/model-size.ts, docs/RELIABILITY.md):
// - a link over the budget is refused with a notice that says what is too large and by how much, and the
//   scene's own experiment runs instead; the experiment drawer refuses one too, leaving the running
//   experiment untouched;
// (The largest allowed experiment's memory is held in Node, where it runs in seconds rather than the
// minutes a browser on two loaded cores needs: src/state/training-store-budget.test.ts for the page's
// heap, src/engine/model-size.test.ts for the engine's tensors.)
import { expect, sceneReady, stepOf, test } from './fixtures';

test('an over-budget link is refused with what is too large, and the scene runs instead', async ({
  page,
}) => {
  await page.goto('./?task=mnist&hidden=1024-1024-1024-1024&run=a:adam&run=b:sadam&run=c:adam&run=d:sadam');
  await sceneReady(page);
  const notice = page.getByTestId('budget-notice');
  await expect(notice).toContainText('3,962,890 parameters × 4 run(s)');
  await expect(notice).toContainText(/\d+\.\d× the budget of 320 MB/);
  // The scene's own two runs, not the link's four.
  await expect(page.locator('article[data-testid^="run-"]')).toHaveCount(2);

  // The drawer: a model too big for the runs already there is refused; the running experiment goes on.
  await page.getByTestId('step').click();
  await expect.poll(() => stepOf(page)).toBe(1);
  await page.getByTestId('dismiss-notice').first().click();
  await page.getByTestId('experiment-drawer').locator('summary').first().click();
  const hidden = page.getByTestId('task-hidden');
  await hidden.fill('1024-1024-1024-1024');
  await page.getByTestId('apply-task').click();
  await expect(page.getByTestId('budget-notice')).toContainText('parameters × 2 run(s)');
  expect(await stepOf(page)).toBe(1);
});
