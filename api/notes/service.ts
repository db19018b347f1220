import type { z } from 'zod';
import type { Prisma } from '../../prisma/client';
import type { RequestContext } from '../auth/authenticate';
import { recordAudit } from '../audit/record';
import { getConversation } from '../conversations/service';
import { cursorArgs, pageOf } from '../http/pagination';
import { createRealtimeNotifier } from '../realtime/pgChannel';
import type { CreateNoteInput, listNotesQuerySchema } from './schemas';

const noteSelect = { id: true, conversationId: true, authorId: true, body: true, createdAt: true } satisfies Prisma.ConversationNoteSelect;
const authorSelect = { id: true, name: true } satisfies Prisma.UserSelect;

type NoteRow = Prisma.ConversationNoteGetPayload<{ select: typeof noteSelect }>;
type Author = Prisma.UserGetPayload<{ select: typeof authorSelect }>;

// Users are deactivated, never deleted, so an author is missing only if the data was edited by hand.
const toNote = ({ authorId, ...note }: NoteRow, authors: Map<string, Author>) => ({ ...note, author: authors.get(authorId) ?? null });

/** Newest first, by cursor, like the messages beside them; only for callers who may see the conversation. */
export async function listNotes(ctx: RequestContext, conversationId: string, query: z.infer<typeof listNotesQuerySchema>) {
  await getConversation(ctx, conversationId);
  const rows = await ctx.db.conversationNote.findMany({
    where: { conversationId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: noteSelect,
    ...cursorArgs(query),
  });
  const page = pageOf(rows, query.limit);
  const authors = await ctx.db.user.findMany({ where: { id: { in: [...new Set(page.items.map((n) => n.authorId))] } }, select: authorSelect });
  const byId = new Map(authors.map((a) => [a.id, a]));
  return { ...page, items: page.items.map((row) => toNote(row, byId)) };
}

/**
 * An internal note stays inside the company: it is stored and announced to the people who see the
 * conversation, never sent to the customer.
 */
export async function createNote(ctx: RequestContext, conversationId: string, input: CreateNoteInput) {
  const conversation = await getConversation(ctx, conversationId);
  const author = await ctx.db.user.findUniqueOrThrow({ where: { id: ctx.principal.userId }, select: authorSelect });
  return ctx.db.$transaction(async (tx) => {
    const row = await tx.conversationNote.create({
      data: { companyId: ctx.principal.companyId, conversationId, authorId: author.id, body: input.body },
      select: noteSelect,
    });
    const note = toNote(row, new Map([[author.id, author]]));
    await recordAudit(tx, ctx, { action: 'conversation.note', entity: 'conversation', entityId: conversationId, metadata: { noteId: note.id } });
    // NOTIFY inside the transaction is delivered at commit: browsers never hear of a note that was rolled back,
    // and every API instance forwards it to its own sockets.
    await createRealtimeNotifier(tx)({
      type: 'note.new',
      companyId: ctx.principal.companyId,
      conversationId,
      departmentId: conversation.departmentId,
      userIds: conversation.assigneeId ? [conversation.assigneeId] : [],
      payload: { note },
    });
    return note;
  });
}
