import type { RequestContext } from '../auth/authenticate';
import { AppError } from '../errors';
import { templateComponentsSchema } from './schemas';
import { templateParts } from './templateText';

const statusLabel = { PENDING: 'em análise', REJECTED: 'rejeitado', PAUSED: 'pausado', DISABLED: 'desativado' } as const;
const variables = (n: number) => `${n} ${n === 1 ? 'variável' : 'variáveis'}`;

/**
 * An agent may send a template only if WhatsApp will take it: approved, of the conversation's own
 * number (templates belong to a WhatsApp account) and with one value per placeholder of its body.
 * Each refusal names its rule in `details.reason`, so the composer can say what to fix.
 */
export async function checkTemplateSend(ctx: RequestContext, numberId: string, choice: { templateId: string; parameters: string[] }) {
  const template = await ctx.db.messageTemplate.findFirst({ where: { id: choice.templateId }, select: { name: true, numberId: true, status: true, components: true } });
  if (!template || template.numberId !== numberId) {
    throw new AppError('UNPROCESSABLE', 'Modelo não encontrado para o número desta conversa', { reason: 'TEMPLATE_NOT_FOUND', field: 'template.templateId' });
  }
  if (template.status !== 'APPROVED') {
    throw new AppError('UNPROCESSABLE', `O modelo ${template.name} não está aprovado pelo WhatsApp (${statusLabel[template.status]})`, { reason: 'TEMPLATE_NOT_APPROVED', status: template.status, field: 'template.templateId' });
  }
  const parts = templateParts(templateComponentsSchema.parse(template.components));
  if (parts.headerNeedsValue) {
    throw new AppError('UNPROCESSABLE', `O modelo ${template.name} tem um cabeçalho com mídia ou variável, que o atendimento ainda não envia`, { reason: 'TEMPLATE_UNSUPPORTED', field: 'template.templateId' });
  }
  if (choice.parameters.length !== parts.parameters.length) {
    throw new AppError('UNPROCESSABLE', `O modelo ${template.name} pede ${variables(parts.parameters.length)}; vieram ${choice.parameters.length}`, {
      reason: 'TEMPLATE_PARAMETERS',
      expected: parts.parameters.length,
      given: choice.parameters.length,
      field: 'template.parameters',
    });
  }
}
