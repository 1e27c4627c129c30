// JSON shapes the SDK 2.3.1 decodes (kotlinx.serialization, explicitNulls=false). Every field written here
// without `?` is required by the SDK's descriptor: leaving one out makes the whole event fail to parse.

export type ChannelEndpoint = { type: 'phone'; number: string } | { type: 'app'; user: string };

export interface WireChannel {
  id: string;
  type: 'app';
  from: ChannelEndpoint;
  to: ChannelEndpoint;
}

export interface WireUser {
  id: string;
  name: string;
}

/** `rtc:hangup` reason; `code` picks the SDK's CallCompleteReason, `sip_code` 487 means RemoteTimeout for invites. */
export interface WireHangupReason {
  code: string;
  text: string;
  sip_code: number;
}

/** `member:left` reason; the SDK compares `code` to 'REMOTE_REJECT' and to lowercase leg outcomes. */
export interface WireMemberLeftReason {
  code: string;
  text: string;
}

/** Lowercase on the wire: "RINGING" throws "No enum constant" in the SDK. */
export type WireLegStatus = 'ringing' | 'answered' | 'completed';

export interface WireMemberEventBody {
  member_id: string;
  user: WireUser;
  channel: WireChannel;
}

export interface MemberInvitedEvent {
  id: number;
  cid: string;
  timestamp: string;
  from: string;
  application_id: string;
  body: WireMemberEventBody & {
    conversation: { conversation_id: string; name: string; display_name?: string };
    media: { audio_settings: { enabled: boolean; earmuffed: boolean; muted: boolean } };
    invited_by: string;
    sdp: string;
  };
}

export interface MemberJoinedEvent {
  id: number;
  cid: string;
  timestamp: string;
  from: string;
  application_id: string;
  body: WireMemberEventBody;
}

export interface MemberLeftEvent {
  id: number;
  cid: string;
  timestamp: string;
  from: string;
  application_id: string;
  body: WireMemberEventBody & { reason?: WireMemberLeftReason };
}

export interface RtcHangupEvent {
  id: number;
  cid: string;
  from: string;
  body: {
    channel: WireChannel;
    direction: 'inbound' | 'outbound';
    bandwidth: { bytes_in: number; bytes_out: number };
    reason: WireHangupReason;
    quality: {
      mos_score: number;
      quality_percentage: number;
      jitter_min_var: number;
      jitter_max_var: number;
      jitter_loss_rate: number;
      jitter_burst_rate: number;
      flaw_total: number;
      packet_cnt: number;
      packet_loss_perc: number;
    };
  };
}

export interface LegStatusUpdateEvent {
  id: number;
  cid: string;
  from: string;
  _embedded: { from_user: WireUser; from_member: { id: string } };
  body: {
    direction: 'outbound' | 'inbound';
    leg_id: string;
    status: WireLegStatus;
    type: 'phone' | 'app';
    statusHistory: { status: WireLegStatus; date: string }[];
  };
}

export interface AudioToggleEvent {
  id: number;
  cid: string;
  from: string;
  body: { rtc_id: string };
}

export interface AudioDtmfEvent {
  id: number;
  cid: string;
  from: string;
  body: { digit: string; channel: { id: string; type: string } };
}

export interface RtcAnswerEvent {
  id: number;
  cid: string;
  from: string;
  body: { rtc_id: string; answer: string };
}

export interface SessionSuccessEvent {
  body: { id: string; user_id: string; name: string; api_key: string; pending_events?: PendingEvent[] };
}

/** A socket event replayed in `session:success.pending_events`: the payload plus its `type`. */
export type PendingEvent = Record<string, unknown> & { type: string };

/** Session errors carry an empty body; the SDK reads only the event type. */
export interface EmptyBodyEvent {
  body: Record<string, never>;
}

export type SocketEvent =
  | { type: 'member:invited'; payload: MemberInvitedEvent }
  | { type: 'member:joined'; payload: MemberJoinedEvent }
  | { type: 'member:left'; payload: MemberLeftEvent }
  | { type: 'rtc:hangup'; payload: RtcHangupEvent }
  | { type: 'rtc:answer'; payload: RtcAnswerEvent }
  | { type: 'leg:status:update'; payload: LegStatusUpdateEvent }
  | { type: 'audio:mute:on' | 'audio:mute:off' | 'audio:earmuff:on' | 'audio:earmuff:off'; payload: AudioToggleEvent }
  | { type: 'audio:dtmf'; payload: AudioDtmfEvent }
  | { type: 'session:success'; payload: SessionSuccessEvent }
  | {
      type: 'system:error:invalid-token' | 'system:error:expired-token' | 'session:error:max-open-sessions' | 'session:logged-out';
      payload: EmptyBodyEvent;
    };
