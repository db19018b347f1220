import { hashPassword } from '../api/auth/passwords';
import { DEFAULT_NUMBER, RETOMAR_ATENDIMENTO_TEMPLATE } from '../sandbox/config';
import { publishVersion } from '../api/flows/publishVersion';
import { defaultFlow } from '../workflows/flow/defaultFlow';
import { flowDefinitionSchema } from '../workflows/flow/schema';
import type { Db, Prisma } from './client';

export const DEMO_PASSWORD = 'demo1234';

const weekdays = { start: '08:00', end: '18:00' };
const demoBusinessHours = {
  timezone: 'America/Sao_Paulo',
  days: { mon: [weekdays], tue: [weekdays], wed: [weekdays], thu: [weekdays], fri: [weekdays], sat: [{ start: '08:00', end: '12:00' }], sun: [] },
};

export const demoDepartments = [
  { slug: 'laboratorio', name: 'Laboratório', color: '#0ea5e9', greeting: 'Olá! Você está falando com o Laboratório.', agent: { name: 'Lara Lima', email: 'laboratorio@demo.local' } },
  { slug: 'comercial', name: 'Comercial', color: '#22c55e', greeting: 'Olá! Você está falando com o Comercial.', assignmentStrategy: 'ROUND_ROBIN', agent: { name: 'Carlos Costa', email: 'comercial@demo.local' } },
  { slug: 'financeiro', name: 'Financeiro', color: '#f59e0b', greeting: 'Olá! Você está falando com o Financeiro.', agent: { name: 'Fernanda Freitas', email: 'financeiro@demo.local' } },
  { slug: 'administrativo', name: 'Administrativo', color: '#a855f7', greeting: 'Olá! Você está falando com o Administrativo.', agent: { name: 'André Alves', email: 'administrativo@demo.local' } },
] as const;

export const demoLogins = [
  { role: 'ADMIN', name: 'Ana Administradora', email: 'admin@demo.local' },
  { role: 'SUPERVISOR', name: 'Sérgio Supervisor', email: 'supervisor@demo.local' },
  ...demoDepartments.map((d) => ({ role: 'AGENT' as const, name: d.agent.name, email: d.agent.email, department: d.name })),
] as const;

/** Greeting and the department menu, published as version 1, so the builder opens on what customers see. */
async function seedDefaultFlow(db: Db, company: { id: string; name: string }) {
  if (await db.flow.findFirst({ where: { companyId: company.id } })) return;
  const departments = await db.department.findMany({ where: { companyId: company.id, active: true }, orderBy: { createdAt: 'asc' } });
  const administrativo = departments.find((d) => d.slug === 'administrativo') ?? departments.at(-1)!;
  const definition = flowDefinitionSchema.parse(defaultFlow(company.name, departments, administrativo.id));
  await db.$transaction(async (tx) => {
    const flow = await tx.flow.create({ data: { companyId: company.id, name: 'Atendimento', draft: definition, isDefault: true } });
    await publishVersion(tx, { companyId: company.id, flowId: flow.id, definition, byUserId: null, note: 'Fluxo inicial: saudação e menu de departamentos' });
  });
}

/**
 * The demo company, idempotent: running it again changes nothing. Its users (with a known password)
 * are never created in production.
 */
export async function seedDemo(db: Db, options: { production: boolean; sandboxNumber?: boolean }) {
  // Agents sign their messages, so the demo shows who answers.
  const company = await db.company.upsert({ where: { slug: 'demo' }, update: {}, create: { name: 'Demo', slug: 'demo', settings: { agentMessagePrefix: true } } });
  const departments = new Map<string, string>();
  for (const d of demoDepartments) {
    const department = await db.department.upsert({
      where: { companyId_slug: { companyId: company.id, slug: d.slug } },
      update: {},
      create: {
        companyId: company.id,
        slug: d.slug,
        name: d.name,
        color: d.color,
        greeting: d.greeting,
        responseTimeoutMinutes: 10,
        businessHours: demoBusinessHours,
        assignmentStrategy: 'assignmentStrategy' in d ? d.assignmentStrategy : 'MANUAL',
      },
    });
    departments.set(d.name, department.id);
  }
  // A Laboratório customer nobody answers in time goes to Administrativo.
  await db.department.updateMany({
    where: { companyId: company.id, slug: 'laboratorio', escalationDepartmentId: null },
    data: { escalationDepartmentId: departments.get('Administrativo')! },
  });
  await seedDefaultFlow(db, company);
  if (options.production) return { company, users: [] };

  // The sandbox's default number (sandbox/config.ts), so customers played on the test phone reach Demo.
  if (options.sandboxNumber) {
    const number = await db.whatsAppNumber.upsert({
      where: { phoneNumberId: DEFAULT_NUMBER.phoneNumberId },
      update: {},
      create: { companyId: company.id, phoneNumberId: DEFAULT_NUMBER.phoneNumberId, wabaId: DEFAULT_NUMBER.wabaId, displayPhoneNumber: DEFAULT_NUMBER.displayPhoneNumber, name: 'Atendimento Demo' },
    });
    // The sandbox starts with this template approved; stored here too, an agent can send it before anyone syncs.
    const { name, language, category, components } = RETOMAR_ATENDIMENTO_TEMPLATE;
    await db.messageTemplate.upsert({
      where: { numberId_name_language: { numberId: number.id, name, language } },
      update: {},
      create: { companyId: number.companyId, numberId: number.id, name, language, category, components: components as Prisma.InputJsonArray, status: 'APPROVED' },
    });
  }

  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const login of demoLogins) {
    const user = await db.user.upsert({
      where: { email: login.email },
      update: {},
      create: { companyId: company.id, name: login.name, email: login.email, role: login.role, passwordHash },
    });
    const departmentIds = 'department' in login ? [departments.get(login.department)!] : login.role === 'SUPERVISOR' ? [...departments.values()] : [];
    for (const departmentId of departmentIds) {
      await db.departmentMember.upsert({
        where: { departmentId_userId: { departmentId, userId: user.id } },
        update: {},
        create: { companyId: company.id, departmentId, userId: user.id },
      });
    }
  }
  return { company, users: demoLogins };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { createPrisma } = await import('./client');
  const db = createPrisma(process.env.DATABASE_URL ?? '');
  await seedDemo(db, { production: process.env.NODE_ENV === 'production' });
  await db.$disconnect();
}
