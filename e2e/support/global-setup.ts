import { buildEmulatorDemo } from './emulator-server';

export default async function globalSetup() {
  await buildEmulatorDemo();
}
