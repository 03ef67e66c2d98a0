// What to show for a caught value: an Error's message (its name when the message is empty), anything
// else as a string. Plain TypeScript, no tfjs: the page, the worker and the headless runner all use it.

export function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return String(err);
}
