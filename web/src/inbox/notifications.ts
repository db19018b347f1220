import i18n from '../i18n';
import { useRealtimeStore } from './realtime';

type Kind = 'queued' | 'assigned' | 'message';

let audio: AudioContext | undefined;

/** A short two-note chime made on the spot: no sound file to ship or load. */
function chime() {
  try {
    audio ??= new AudioContext();
    const now = audio.currentTime;
    for (const [offset, frequency] of [[0, 880], [0.12, 1320]] as const) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.frequency.value = frequency;
      gain.gain.setValueAtTime(0.0001, now + offset);
      gain.gain.exponentialRampToValueAtTime(0.15, now + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, now + offset + 0.25);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(now + offset);
      oscillator.stop(now + offset + 0.3);
    }
  } catch {
    // Browsers refuse audio before the first user gesture; the visual badge is still there.
  }
}

export const notificationsSupported = () => typeof Notification !== 'undefined';

/** Sound when the agent is elsewhere in the app or tab; a system notification when the tab is hidden. */
export function notify(kind: Kind, conversationId: string) {
  const open = useRealtimeStore.getState().openConversationId;
  if (kind === 'message' && open === conversationId && !document.hidden) return;
  chime();
  if (document.hidden && notificationsSupported() && Notification.permission === 'granted') {
    const notification = new Notification(i18n.t(`inbox.notifications.${kind}`), { tag: `${kind}:${conversationId}`, body: i18n.t('inbox.notifications.body') });
    notification.onclick = () => {
      window.focus();
      window.location.assign(`/inbox/${conversationId}`);
    };
  }
}
