// Non-trickle signalling (the SDK's SDPs, the Phone page's offer) needs every candidate in the SDP: wait for
// ICE gathering to complete. A stuck gatherer still yields its host candidates after the limit.
const iceGatheringLimitMs = 5000;

/** The part of a peer connection this needs; the browser's and @roamhq/wrtc's both have it. */
export interface GatheringConnection {
  readonly iceGatheringState: string;
  addEventListener(type: 'icegatheringstatechange', listener: () => void): void;
  removeEventListener(type: 'icegatheringstatechange', listener: () => void): void;
}

export function gatheringComplete(connection: GatheringConnection): Promise<void> {
  if (connection.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      connection.removeEventListener('icegatheringstatechange', onChange);
      resolve();
    };
    const onChange = () => {
      if (connection.iceGatheringState === 'complete') done();
    };
    const timer = setTimeout(done, iceGatheringLimitMs);
    connection.addEventListener('icegatheringstatechange', onChange);
  });
}
