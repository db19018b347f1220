import type { RealtimeEvent } from '../api/realtime/events';
import type { SecretKeyRing } from '../api/secrets/encryptionKeys';
import type { MediaStorage } from '../api/media/storage';
import type { Sql } from '../api/whatsapp/sql';
import type { Db } from '../prisma/client';
import type { OutboundAllowList } from './outbound/destinationPolicy';
import type { WhatsAppProvider } from './whatsapp/provider';

/** What activities need from the outside world; the worker builds it once and tests inject their own. */
export interface ActivityDeps {
  db: Db;
  /** Plain SQL for the statements every message runs (see sendRows.ts). */
  sql: Sql;
  whatsapp: WhatsAppProvider;
  /** Tells the API instances (and through them the browsers) that something changed. */
  notify: (event: RealtimeEvent) => Promise<void>;
  /** The API's SECRETS_ENCRYPTION_KEYS: flows read company secrets through them. */
  secretKeys: SecretKeyRing;
  /** Internal destinations flows may call anyway (OUTBOUND_ALLOWED_HOSTS). */
  outboundAllowed: OutboundAllowList;
  /** Where agents' attachments wait to be sent (the API's MEDIA_DIR). */
  media?: MediaStorage;
  /**
   * How long a configured "minute" lasts (queue timeouts, inactivity). Tests shrink it so an escalation
   * happens in seconds; production leaves the default.
   */
  minuteMs?: number;
}
