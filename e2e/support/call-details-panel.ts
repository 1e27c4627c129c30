import { expect, type Locator } from '@playwright/test';

/** The **Call details** disclosure of one call (the active call's panel, or a call history row). */
export class CallDetailsPanel {
  readonly toggle: Locator;
  readonly region: Locator;
  readonly members: Locator;
  readonly timeline: Locator;
  readonly tryAgain: Locator;

  /** `scope`: where the disclosure is, e.g. the Active call region. */
  constructor(scope: Locator) {
    this.toggle = scope.getByRole('button', { name: 'Call details' });
    this.region = scope.getByRole('region', { name: 'Call details' });
    this.members = this.region.getByRole('list', { name: 'Members' });
    this.timeline = this.region.getByRole('list', { name: 'Timeline' });
    this.tryAgain = this.region.getByRole('button', { name: 'Try again' });
  }

  async open() {
    await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-expanded', 'true');
    await expect(this.members, 'the conversation loads from the cloud').toBeVisible();
  }

  async close() {
    await this.toggle.click();
    await expect(this.toggle).toHaveAttribute('aria-expanded', 'false');
    await expect(this.region).toBeHidden();
  }

  member(name: string): Locator {
    return this.members.getByRole('listitem').filter({ hasText: name });
  }

  async expectMember(name: string, state: 'Invited' | 'Joined' | 'Left') {
    await expect(this.member(name), `${name} is listed as ${state}`).toContainText(state);
  }

  timelineEntry(text: string | RegExp): Locator {
    return this.timeline.getByRole('listitem').filter({ hasText: text });
  }

  async expectTimelineEntry(text: string | RegExp) {
    await expect(this.timelineEntry(text), `the timeline shows “${String(text)}”`).toHaveCount(1);
  }
}
