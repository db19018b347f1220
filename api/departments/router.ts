import { Router } from 'express';
import { contextOf, requireRole } from '../auth/authenticate';
import { idParam } from '../http/ids';
import { parseBody } from '../http/validate';
import { createDepartmentSchema, setMembersSchema, updateDepartmentSchema } from './schemas';
import { departmentQueue } from '../conversations/service';
import { createDepartment, deleteDepartment, departmentDirectory, getDepartment, listDepartments, updateDepartment } from './service';

export function departmentsRouter() {
  const router = Router();
  router.get('/', async (req, res) => {
    res.json(await listDepartments(contextOf(req)));
  });
  router.get('/directory', async (req, res) => {
    res.json(await departmentDirectory(contextOf(req)));
  });
  router.get('/:id', async (req, res) => {
    res.json(await getDepartment(contextOf(req), idParam(req, 'Departamento')));
  });
  router.get('/:id/queue', async (req, res) => {
    res.json(await departmentQueue(contextOf(req), idParam(req, 'Departamento')));
  });
  router.post('/', requireRole('ADMIN'), async (req, res) => {
    res.status(201).json(await createDepartment(contextOf(req), parseBody(createDepartmentSchema, req)));
  });
  router.patch('/:id', requireRole('ADMIN'), async (req, res) => {
    const id = idParam(req, 'Departamento');
    res.json(await updateDepartment(contextOf(req), id, parseBody(updateDepartmentSchema, req)));
  });
  router.put('/:id/members', requireRole('ADMIN'), async (req, res) => {
    const id = idParam(req, 'Departamento');
    res.json(await updateDepartment(contextOf(req), id, { memberIds: parseBody(setMembersSchema, req).userIds }));
  });
  router.delete('/:id', requireRole('ADMIN'), async (req, res) => {
    await deleteDepartment(contextOf(req), idParam(req, 'Departamento'));
    res.status(204).end();
  });
  return router;
}
