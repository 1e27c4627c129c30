// The Phone page (demo and test builds with the emulator only): a simulated PSTN phone with its own number.
// It talks to the emulator alone; the softphone, its store and the voice SDK are not part of it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PhoneApp } from './phone-app';
import { PhoneAudio } from './phone-audio';
import { PhoneConnection } from './phone-connection';
import { PromptSpeech } from './prompt-speech';
import '../index.css';

const connection = new PhoneConnection();
const audio = new PhoneAudio(
  (callId, sdp) => connection.send({ type: 'offer', callId, sdp }),
  (problem) => connection.setMicrophoneProblem(problem),
);
connection.onAnswer = (callId, sdp) => {
  audio.applyAnswer(callId, sdp).catch((error: unknown) => console.warn('[phone] the emulator’s answer failed', error));
};
// Audio follows the call: open while connected, released the moment it is not.
connection.subscribe(() => {
  const { link, phone } = connection.getState();
  // A lost emulator ends the call there too: nothing to send the microphone to.
  const connectedCall = link === 'open' && phone?.status === 'connected' ? phone.callId : undefined;
  if (connectedCall === audio.callId) return;
  if (connectedCall === undefined) {
    audio.stop();
    connection.setMicrophoneProblem(undefined);
    return;
  }
  audio.start(connectedCall).catch((error: unknown) => console.warn('[phone] audio failed', error));
});
// The contact center's talk actions, spoken where the browser can (the text is on screen either way).
const speech = new PromptSpeech();
connection.subscribe(() => speech.follow(connection.getState().phone));
window.addEventListener('pagehide', () => {
  audio.stop();
  speech.stop();
});
window.fakePhone = { packetsReceived: () => audio.packetsReceived() };
connection.start();

const root = document.getElementById('root');
if (!root) throw new Error('phone.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <PhoneApp connection={connection} />
  </StrictMode>,
);
