// The engine worker's own JS heap, through the DevTools protocol. Playwright's CDP sessions attach to
// pages only, so this attaches to the worker target from the browser session (non-flat mode) and
// relays Runtime / HeapProfiler calls with Target.sendMessageToTarget.

/** Returns `measure()`: forces a GC in the worker and gives its heap usage (usedSize, in bytes). */
export async function workerHeapProbe(browser, workerUrl) {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.url === workerUrl);
  if (!target) throw new Error(`no worker target at ${workerUrl}`);
  const { sessionId } = await session.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });
  const waiting = new Map();
  let nextId = 0;
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message);
    waiting.get(message.id)?.(message);
    waiting.delete(message.id);
  });
  const call = (method, params = {}) =>
    new Promise((resolve, reject) => {
      const id = ++nextId;
      waiting.set(id, (m) =>
        m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result),
      );
      session
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });
  return async function measure() {
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    return call('Runtime.getHeapUsage');
  };
}
