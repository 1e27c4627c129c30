import { appCallHistory } from '@/history/app-call-history';
import { CallHistoryPanel } from './call-history-panel';

/** The lazily loaded chunk: the panel on the app's one call history. */
export default function CallHistoryRegion() {
  return <CallHistoryPanel history={appCallHistory} />;
}
