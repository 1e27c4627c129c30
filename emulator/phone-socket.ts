// A Phone page's WebSocket (/emulator/phone): one phone line for as long as the socket is open. The page sends
// what its user does (phone-protocol.ts); every change of the line goes back to it as its whole state.
import type { WebSocket } from 'ws';
import { CloudError } from '../src/fake-cloud/cloud-context.ts';
import type { PhoneLines } from '../src/fake-cloud/phone-lines.ts';
import { readPhoneRequest, type PhoneMessage, type PhoneRequest } from '../src/fake-cloud/phone-protocol.ts';

/** `requested`: the number the page had before (a reload keeps it when it is still free). */
export function carryPhone(ws: WebSocket, phones: PhoneLines, requested: string | undefined): void {
  const send = (message: PhoneMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const { number } = phones.register((phone) => send({ type: 'state', phone }), requested);
  send({ type: 'state', phone: phones.snapshot(number) });

  const run = async (request: PhoneRequest) => {
    switch (request.type) {
      case 'dial':
        return phones.dial(number, request.to);
      case 'call-contact-center':
        return phones.callContactCenter(number);
      case 'answer':
        return phones.answer(number);
      case 'reject':
        return phones.reject(number);
      case 'hangup':
        return phones.hangUp(number);
      case 'key':
        return phones.pressKey(number, request.key);
      case 'offer':
        send({ type: 'answer', callId: request.callId, sdp: await phones.offer(number, request.callId, request.sdp) });
        return;
    }
  };

  ws.on('message', (data, isBinary) => {
    const request = isBinary ? undefined : readPhoneRequest(data.toString());
    if (!request) {
      send({ type: 'error', message: 'The emulator did not understand that message.' });
      return;
    }
    run(request).catch((error: unknown) => {
      if (!(error instanceof CloudError)) console.warn('[emulator] phone request failed', error);
      if (isMootOffer(request, error)) return;
      send({ type: 'error', message: error instanceof Error ? error.message : String(error) });
    });
  });
  const hangUp = () => phones.unregister(number);
  ws.on('close', hangUp);
  ws.on('error', hangUp);
}

/**
 * The page's audio offered for a call that ended before the offer landed (a contact center flow that fails at
 * once, a caller who hangs up): nothing to tell the person at the Phone, whose page already shows the end and
 * closes that audio itself. Any other refusal is shown.
 */
export function isMootOffer(request: PhoneRequest, error: unknown): boolean {
  return request.type === 'offer' && error instanceof CloudError && error.code === 'phone:error:no-call';
}
