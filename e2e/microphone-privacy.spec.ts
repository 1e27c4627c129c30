import { expect, staticDemo, test } from './support/fixtures';
import { liveMediaCounts, noLiveMedia } from './support/media-leak-guard';

// Every test ends with the media leak guard (support/fixtures.ts); this scenario also shows that the guard
// sees the call's media while it lasts, so a change in how the SDK captures or plays audio cannot blind it.
test('Jane’s microphone is live only while she is on a call', staticDemo, async ({ jane, farEnd, demoCloud }) => {
  const callId = await farEnd.ringAgent({ agent: 'Jane', from: '447911123456' });
  await expect(jane.incomingCall).toBeVisible();
  // A ringing call opens no microphone and plays no stream (the ringtone is a plain <audio> file).
  expect(await liveMediaCounts(jane.page)).toMatchObject({ liveMicrophoneTracks: 0, playingStreamOutputs: 0 });

  await jane.answerIncomingCall();
  await farEnd.expectAudioBothWays(callId);
  // Her microphone, the SDK's peer connection (and the far end's, when the cloud runs in this page), and the
  // far end's voice in her ears.
  const peers = demoCloud === 'in-page' ? 2 : 1;
  expect(await liveMediaCounts(jane.page)).toEqual({ liveMicrophoneTracks: 1, openPeerConnections: peers, playingStreamOutputs: 1 });

  await jane.hangUp();
  await jane.expectLastCallSummary('You hung up.');
  await expect.poll(() => liveMediaCounts(jane.page)).toEqual(noLiveMedia);
});
