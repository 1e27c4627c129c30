import { buildLiveApp } from '../live/support/live-build';
import { buildEmulatorDemo } from './emulator-server';

export default async function globalSetup() {
  await buildEmulatorDemo();
  // Built here, before any test, rather than by the live project's worker while the other worker runs scenarios:
  // a production build beside a call on a 2-core machine was enough to time a sign-in out.
  await buildLiveApp();
}
