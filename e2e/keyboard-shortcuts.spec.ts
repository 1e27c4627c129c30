import { AudioSettingsDialog } from './support/audio-settings-dialog';
import { CallHistoryPanel } from './support/call-history-panel';
import { expect, test } from './support/fixtures';
import { ShortcutsDialog } from './support/shortcuts-dialog';

const caller = { agent: 'Jane', from: '447911123456' } as const;
const secondCaller = { agent: 'Jane', from: '447911654321' } as const;

test.describe('Keyboard shortcuts', () => {
  test('Jane answers, mutes, holds, takes a second call, sends keypad tones, hangs up, opens Audio settings and filters Call history without the mouse; typing in the dialer triggers none of it', async ({ jane, farEnd }) => {
    // One long call through every control: on a loaded 2-core machine sign-in and media alone can take 30 s.
    test.setTimeout(90_000);
    const keys = new ShortcutsDialog(jane.page);
    const callId = await farEnd.ringAgent(caller);
    await expect(jane.incomingCall).toBeVisible();
    await keys.press('Alt+Shift+KeyP');
    await expect(jane.activeCall).toBeVisible();
    await farEnd.expectAudioBothWays(callId);

    // Focus is on the call's Hang up button (not a text field): digits go to the far end as keypad tones.
    await expect(jane.hangUpButton).toBeFocused();
    await keys.press('4');
    await keys.press('#');
    await expect.poll(async () => (await farEnd.call(callId))?.dtmf).toBe('4#');

    await keys.press('Alt+Shift+KeyU');
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'true');
    expect(await farEnd.call(callId)).toMatchObject({ agentMuted: true });
    await keys.press('Alt+Shift+KeyU');
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'false');
    expect(await farEnd.call(callId)).toMatchObject({ agentMuted: false });

    // Hold is mute + earmuff (the SDK has no hold of its own): the cloud hears the agent muted, then back.
    const holdButton = jane.activeCall.getByRole('button', { name: 'Hold', exact: true });
    await keys.press('Alt+Shift+KeyH');
    await expect(holdButton).toHaveAttribute('aria-pressed', 'true');
    expect(await farEnd.call(callId)).toMatchObject({ agentMuted: true });
    await keys.press('Alt+Shift+KeyH');
    await expect(holdButton).toHaveAttribute('aria-pressed', 'false');
    expect(await farEnd.call(callId)).toMatchObject({ agentMuted: false });

    // A second call with Tab and Enter/Space alone: Hold and answer, Resume (the swap), then the held call's Hang up.
    const second = await farEnd.ringAgent(secondCaller);
    await expect(jane.holdAndAnswerButton).toBeVisible();
    await jane.tabTo(jane.holdAndAnswerButton, { backwards: true });
    await keys.press('Enter');
    await expect(jane.activeCall).toContainText('+44 7911 654321');
    await expect(jane.heldCall).toContainText('+44 7911 123456');
    await expect.poll(async () => (await farEnd.call(callId))?.agentEarmuffed).toBe(true);
    await jane.tabTo(jane.resumeButton);
    await keys.press('Space');
    await expect(jane.activeCall).toContainText('+44 7911 123456');
    await expect(jane.heldCall).toContainText('+44 7911 654321');
    await expect.poll(async () => (await farEnd.call(callId))?.agentEarmuffed).toBe(false);
    await jane.tabTo(jane.heldCallHangUpButton);
    await keys.press('Enter');
    await expect(jane.heldCall).toBeHidden();
    await expect.poll(async () => (await farEnd.call(second))?.state).toBe('ended');
    expect(await farEnd.call(callId)).toMatchObject({ state: 'answered', agentMuted: false, agentEarmuffed: false });

    // Alt+Shift+D puts the cursor in the dialer; what the agent types there is text, not commands.
    await keys.press('Alt+Shift+KeyD');
    await expect(jane.destination).toBeFocused();
    await jane.page.keyboard.type('123*#?');
    await expect(jane.destination).toHaveValue('123*#?');
    await expect(keys.dialog).toBeHidden();
    await expect(jane.muteButton).toHaveAttribute('aria-pressed', 'false');
    expect(await farEnd.call(callId)).toMatchObject({ dtmf: '4#', agentMuted: false });

    // The chords are meant to work while typing: hang up from the dialer field.
    await keys.press('Alt+Shift+KeyE');
    await jane.expectLastCallSummary('You hung up.');
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
    await expect(jane.destination).toHaveValue('123*#?');

    // Audio settings opened and closed with Tab and Enter alone; focus goes back to its button.
    const audio = new AudioSettingsDialog(jane.page);
    await jane.tabTo(audio.openButton, { backwards: true });
    await keys.press('Enter');
    await expect(audio.dialog).toBeVisible();
    await jane.tabTo(audio.closeButton);
    await keys.press('Enter');
    await expect(audio.dialog).toBeHidden();
    await expect(audio.openButton).toBeFocused();

    // Call history opened with Tab and Enter; its filters are one radio group, so an arrow key picks the next one.
    const history = new CallHistoryPanel(jane.page);
    await jane.tabTo(history.toggle);
    await keys.press('Enter');
    await expect(history.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(history.summary).toHaveText('2 calls');
    await jane.tabTo(history.filter('All'));
    await keys.press('ArrowRight');
    await expect(history.filter('Missed')).toBeChecked();
    await expect(history.filter('Missed')).toBeFocused();
    await expect(history.summary).toHaveText('No calls match.');
    await keys.press('ArrowRight');
    await expect(history.filter('Inbound')).toBeChecked();
    await expect(history.summary).toContainText('2 calls');
  });

  test('Jane rejects a ringing call from the keyboard', async ({ jane, farEnd }) => {
    const keys = new ShortcutsDialog(jane.page);
    const callId = await farEnd.ringAgent(caller);
    await expect(jane.incomingCall).toBeVisible();
    await keys.press('Alt+Shift+KeyR');
    await expect(jane.incomingCall).toBeHidden();
    await jane.expectLastCallSummary('You rejected the call.');
    await expect.poll(async () => (await farEnd.call(callId))?.state).toBe('ended');
  });

  test('? and the Keyboard shortcuts button list the shortcuts; Escape and Close shut the list and focus returns', async ({ jane }) => {
    const keys = new ShortcutsDialog(jane.page);

    // Typed in the dialer, ? is just a character.
    await jane.destination.fill('');
    await jane.destination.press('?');
    await expect(jane.destination).toHaveValue('?');
    await expect(keys.dialog).toBeHidden();

    await keys.openButton.focus();
    await keys.press('?');
    await expect(keys.dialog).toBeVisible();
    await expect(keys.keysFor('Answer')).toHaveText('Alt+Shift+P');
    await expect(keys.keysFor('Reject')).toHaveText('Alt+Shift+R');
    await expect(keys.keysFor('Mute')).toHaveText('Alt+Shift+U');
    await expect(keys.keysFor('Hold')).toHaveText('Alt+Shift+H');
    await expect(keys.keysFor('Hang up')).toHaveText('Alt+Shift+E');
    await expect(keys.keysFor('dialer')).toHaveText('Alt+Shift+D');
    await expect(keys.keysFor('keypad tones')).toHaveText('0–9 * #');
    await expect(keys.shortcuts).toHaveCount(8);
    await jane.expectNoAccessibilityViolations();

    await keys.press('Escape');
    await expect(keys.dialog).toBeHidden();
    await expect(keys.openButton).toBeFocused();

    await keys.openWithButton();
    await expect(keys.closeButton).toBeFocused();
    await keys.closeButton.click();
    await expect(keys.dialog).toBeHidden();
    await expect(keys.openButton).toBeFocused();
  });
});
