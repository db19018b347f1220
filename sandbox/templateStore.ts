import { newObjectId } from './ids';
import type { TemplateComponent, TemplateDefinition } from './templateSchema';

export type TemplateStatus = 'PENDING' | 'APPROVED' | 'REJECTED';

export interface StoredTemplate {
  id: string;
  wabaId: string;
  name: string;
  language: string;
  category: TemplateDefinition['category'];
  parameterFormat: 'POSITIONAL' | 'NAMED';
  components: TemplateComponent[];
  status: TemplateStatus;
  rejectedReason: string;
  createdAt: number;
}

export interface TemplateStore {
  create(wabaId: string, definition: TemplateDefinition, status: TemplateStatus): StoredTemplate;
  get(id: string): StoredTemplate | undefined;
  find(wabaId: string, name: string, language: string): StoredTemplate | undefined;
  list(wabaId: string): StoredTemplate[];
  /** Meta deletes every language of a name, or one template when its id is given too. */
  remove(wabaId: string, name: string, id?: string): StoredTemplate[];
  clear(): void;
}

export function createTemplateStore(now: () => number): TemplateStore {
  const templates = new Map<string, StoredTemplate>();
  const ofWaba = (wabaId: string) => [...templates.values()].filter((t) => t.wabaId === wabaId);
  return {
    create(wabaId, definition, status) {
      const template: StoredTemplate = {
        id: newObjectId(),
        wabaId,
        name: definition.name,
        language: definition.language,
        category: definition.category,
        parameterFormat: definition.parameter_format ?? 'POSITIONAL',
        components: definition.components,
        status,
        rejectedReason: 'NONE',
        createdAt: now(),
      };
      templates.set(template.id, template);
      return template;
    },
    get: (id) => templates.get(id),
    find: (wabaId, name, language) => ofWaba(wabaId).find((t) => t.name === name && t.language === language),
    list: ofWaba,
    remove(wabaId, name, id) {
      const removed = ofWaba(wabaId).filter((t) => t.name === name && (id === undefined || t.id === id));
      for (const template of removed) templates.delete(template.id);
      return removed;
    },
    clear() {
      templates.clear();
    },
  };
}
