import { useSyncExternalStore } from 'react';
import { everyTabLeads, tabLeadership } from '@/lib/tab-leadership';
import { selectAgent, selectHasLiveSession } from '@/store/selectors';
import { useSoftphone } from '@/store/use-softphone';

/** The Web Lock the ringer tab of one agent holds; tabs of other agents in the same browser ring on their own. */
export const ringerLockName = (userName: string) => `softphone-ringer:${userName}`;

/**
 * Every tab of an agent is a session that shows each invite and can answer it, but only one of them rings
 * aloud and raises the system notification: the one holding the agent's ringer lock. A tab runs for it while
 * its session lives (Ready or reconnecting), so a tab that is signed out, offline or expired hands ringing to
 * the next. A tab not running (it has no invite ringing then) and a browser without Web Locks ring as before.
 */
export function useIsRingerTab(): boolean {
  const agent = useSoftphone(selectAgent);
  const liveSession = useSoftphone(selectHasLiveSession);
  const leadership = agent && liveSession ? tabLeadership(ringerLockName(agent.userName)) : everyTabLeads;
  return useSyncExternalStore(leadership.subscribe, leadership.getSnapshot);
}
