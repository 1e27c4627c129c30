// The page's memory as DevTools sees it, through one CDP session: used JS heap and DOM counters, each read
// after two full garbage collections (the second collects what the first one's finalizers freed), and the media
// elements still alive (Runtime.queryObjects): the SDK plays each call through a detached `new Audio()`, and
// Chromium keeps a media element that was never paused alive even when nothing references it. queryObjects
// sees JS wrappers only: an element kept alive natively whose wrapper was collected shows in the DOM counter alone
// (two nodes: the element and its user-agent shadow root).

export async function openMemoryProbe(page) {
  const cdp = await page.context().newCDPSession(page);
  return {
    async read() {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const heap = await cdp.send('Runtime.getHeapUsage');
      const dom = await cdp.send('Memory.getDOMCounters');
      const prototype = await cdp.send('Runtime.evaluate', { expression: 'HTMLMediaElement.prototype' });
      const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: prototype.result.objectId });
      const media = await cdp.send('Runtime.callFunctionOn', {
        objectId: objects.objectId,
        // The prototypes below HTMLMediaElement's (audio, video) are in the list too: they have their own constructor.
        functionDeclaration:
          'function () { const elements = this.filter((object) => !Object.hasOwn(object, "constructor")); return JSON.stringify({ all: elements.length, detached: elements.filter((element) => !element.isConnected).length }); }',
        returnByValue: true,
      });
      if (media.exceptionDetails) throw new Error(`counting media elements: ${media.exceptionDetails.exception?.description ?? media.exceptionDetails.text}`);
      const elements = JSON.parse(media.result.value);
      await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
      await cdp.send('Runtime.releaseObject', { objectId: prototype.result.objectId });
      return {
        usedHeapBytes: heap.usedSize,
        totalHeapBytes: heap.totalSize,
        documents: dom.documents,
        nodes: dom.nodes,
        jsEventListeners: dom.jsEventListeners,
        mediaElements: elements.all,
        detachedMediaElements: elements.detached,
      };
    },
    detach: () => cdp.detach().catch(() => {}),
  };
}
