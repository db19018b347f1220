import type { Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import type { Db } from '../../prisma/client';
import type { TokenService } from '../auth/tokens';
import type { RealtimeEvent } from './events';

export const rooms = {
  /** Everyone who may see every conversation of the company: ADMIN, SUPERVISOR, VIEWER. */
  companyWide: (companyId: string) => `company:${companyId}:all`,
  department: (departmentId: string) => `department:${departmentId}`,
  user: (userId: string) => `user:${userId}`,
  conversation: (conversationId: string) => `conversation:${conversationId}`,
};

interface GatewayDeps {
  db: Db;
  tokens: TokenService;
  logger: Logger;
  /** With Redis, events published on one API instance reach sockets connected to the others. */
  redisUrl?: string;
  /** Called when a connection changes someone's presence (first tab opened, last tab gone). */
  onPresence?: (user: { id: string; companyId: string }, status: 'ONLINE' | 'OFFLINE') => void;
  /** How long the last tab may be gone (a reload, a flaky network) before the person counts as offline. */
  offlineGraceMs?: number;
}

/**
 * socket.io with the same access token as REST (sent as `auth.token` in the handshake). A socket joins
 * rooms by what its user may see: agents their departments, everyone else the whole company.
 */
export function createRealtimeGateway(httpServer: HttpServer, deps: GatewayDeps) {
  const io = new Server(httpServer, { serveClient: false, cors: { origin: false } });
  const redis = deps.redisUrl ? [new Redis(deps.redisUrl), new Redis(deps.redisUrl)] : undefined;
  if (redis) io.adapter(createAdapter(redis[0]!, redis[1]!));

  io.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown }).token;
      if (typeof token !== 'string') throw new Error('missing token');
      const principal = await deps.tokens.verifyAccess(token);
      const user = await deps.db.user.findFirst({
        where: { id: principal.userId, companyId: principal.companyId, active: true },
        select: { id: true, companyId: true, role: true, memberships: { select: { departmentId: true } } },
      });
      if (!user) throw new Error('inactive user');
      socket.data.user = user;
      next();
    } catch {
      next(new Error('UNAUTHENTICATED'));
    }
  });

  const offlineTimers = new Map<string, NodeJS.Timeout>();
  /**
   * Presence follows the open tabs: the first one makes an OFFLINE person ONLINE, and when the last
   * one has been gone for the grace period an ONLINE person goes OFFLINE. AWAY is a choice and stays.
   */
  async function setPresence(user: { id: string; companyId: string }, from: 'OFFLINE' | 'ONLINE', to: 'ONLINE' | 'OFFLINE') {
    const changed = await deps.db.user.updateMany({ where: { id: user.id, status: from }, data: { status: to } });
    if (changed.count > 0) deps.onPresence?.(user, to);
  }
  io.on('connection', (socket) => {
    const user = socket.data.user as { id: string; companyId: string; role: string; memberships: { departmentId: string }[] };
    void socket.join(rooms.user(user.id));
    if (user.role === 'AGENT') for (const m of user.memberships) void socket.join(rooms.department(m.departmentId));
    else void socket.join(rooms.companyWide(user.companyId));
    clearTimeout(offlineTimers.get(user.id));
    offlineTimers.delete(user.id);
    setPresence(user, 'OFFLINE', 'ONLINE').catch((error: unknown) => deps.logger.warn({ err: error }, 'could not mark the user online'));
    socket.on('disconnect', () => {
      clearTimeout(offlineTimers.get(user.id));
      const timer = setTimeout(() => {
        offlineTimers.delete(user.id);
        // fetchSockets asks every instance (through Redis when configured): a tab elsewhere keeps them online.
        io.in(rooms.user(user.id))
          .fetchSockets()
          .then((sockets) => (sockets.length === 0 ? setPresence(user, 'ONLINE', 'OFFLINE') : undefined))
          .catch((error: unknown) => deps.logger.warn({ err: error }, 'could not mark the user offline'));
      }, deps.offlineGraceMs ?? 30_000);
      timer.unref();
      offlineTimers.set(user.id, timer);
    });
  });

  return {
    io,
    publish(event: RealtimeEvent) {
      const targets = [rooms.companyWide(event.companyId)];
      if (event.conversationId) targets.push(rooms.conversation(event.conversationId));
      if (event.departmentId) targets.push(rooms.department(event.departmentId));
      for (const userId of event.userIds ?? []) targets.push(rooms.user(userId));
      io.to(targets).emit(event.type, { conversationId: event.conversationId, ...event.payload });
    },
    async close() {
      for (const timer of offlineTimers.values()) clearTimeout(timer);
      await io.close();
      await Promise.all((redis ?? []).map((r) => r.quit()));
    },
  };
}

export type RealtimeGateway = ReturnType<typeof createRealtimeGateway>;
