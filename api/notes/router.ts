import { Router } from 'express';
import { contextOf, requireRole } from '../auth/authenticate';
import { idParam } from '../http/ids';
import { parseBody, parseQuery } from '../http/validate';
import { createNoteSchema, listNotesQuerySchema } from './schemas';
import { createNote, listNotes } from './service';

/** Mounted under /conversations/:id/notes, so it reads the conversation id from its parent's path. */
export function notesRouter() {
  const router = Router({ mergeParams: true });
  router.get('/', async (req, res) => {
    res.json(await listNotes(contextOf(req), idParam(req, 'Conversa'), parseQuery(listNotesQuerySchema, req)));
  });
  router.post('/', requireRole('ADMIN', 'SUPERVISOR', 'AGENT'), async (req, res) => {
    const conversationId = idParam(req, 'Conversa');
    res.status(201).json(await createNote(contextOf(req), conversationId, parseBody(createNoteSchema, req)));
  });
  return router;
}
