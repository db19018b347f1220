import i18n from '../i18n';
import type { SandboxMessage, SandboxTemplate, TemplateComponent } from './sandboxApi';

export type Side = 'business' | 'customer';

export interface ReplyButton {
  id: string;
  title: string;
}

export interface ListSection {
  title?: string;
  rows: Array<{ id: string; title: string; description?: string }>;
}

export interface TemplateButton {
  type: string;
  text: string;
  url?: string;
}

/** What the customer can tap under a business message. */
export type ChatOptions =
  | { kind: 'replyButtons'; buttons: ReplyButton[] }
  | { kind: 'list'; label: string; sections: ListSection[] }
  | { kind: 'templateButtons'; buttons: TemplateButton[] }
  | { kind: 'link'; label: string; url: string }
  | { kind: 'locationRequest' };

export interface ChatMessage {
  id: string;
  side: Side;
  at: string;
  header?: string;
  text?: string;
  footer?: string;
  /** Media, locations and contact cards: the phone shows a placeholder with the kind and the caption. */
  media?: { kind: string; caption?: string; filename?: string };
  options?: ChatOptions;
  /** The message this one quotes or answers. */
  replyTo?: string;
  /** Customer messages: the business read it. Business messages: the customer read it. */
  read: boolean;
  pending?: boolean;
}

export interface Reaction {
  targetId: string;
  side: Side;
  emoji: string;
}

type Node = Record<string, unknown>;

const node = (value: unknown): Node | undefined => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
const list = (value: unknown): Node[] => (Array.isArray(value) ? value.map(node).filter((n): n is Node => n !== undefined) : []);

const MEDIA_KINDS = ['image', 'video', 'audio', 'document', 'sticker'] as const;

function mediaOf(kind: string, value: unknown): ChatMessage['media'] {
  const media = node(value);
  return { kind, caption: text(media?.caption), filename: text(media?.filename) };
}

function locationOf(value: unknown): ChatMessage['media'] {
  const location = node(value);
  const place = [text(location?.name), text(location?.address)].filter(Boolean).join(' · ');
  const coordinates = typeof location?.latitude === 'number' && typeof location.longitude === 'number' ? `${location.latitude}, ${location.longitude}` : undefined;
  return { kind: 'location', caption: place || coordinates };
}

function contactsText(value: unknown): string {
  return list(value)
    .map((contact) => text(node(contact.name)?.formatted_name))
    .filter(Boolean)
    .join(', ');
}

function interactiveOptions(interactive: Node): ChatOptions | undefined {
  const action = node(interactive.action);
  switch (interactive.type) {
    case 'button': {
      const buttons = list(action?.buttons).flatMap((b) => {
        const reply = node(b.reply);
        const id = text(reply?.id);
        const title = text(reply?.title);
        return id && title ? [{ id, title }] : [];
      });
      return { kind: 'replyButtons', buttons };
    }
    case 'list': {
      const sections = list(action?.sections).map((section) => ({
        title: text(section.title),
        rows: list(section.rows).flatMap((row) => {
          const id = text(row.id);
          const title = text(row.title);
          return id && title ? [{ id, title, description: text(row.description) }] : [];
        }),
      }));
      return { kind: 'list', label: text(action?.button) ?? i18n.t('phone.options.listFallback'), sections };
    }
    case 'cta_url': {
      const parameters = node(action?.parameters);
      const url = text(parameters?.url);
      return url ? { kind: 'link', label: text(parameters?.display_text) ?? url, url } : undefined;
    }
    case 'location_request_message':
      return { kind: 'locationRequest' };
    default:
      return undefined;
  }
}

function fromInteractive(interactive: Node): Partial<ChatMessage> {
  const header = node(interactive.header);
  const headerKind = text(header?.type);
  return {
    header: headerKind === 'text' ? text(header?.text) : undefined,
    media: headerKind && headerKind !== 'text' ? mediaOf(headerKind, header?.[headerKind]) : undefined,
    text: text(node(interactive.body)?.text),
    footer: text(node(interactive.footer)?.text),
    options: interactiveOptions(interactive),
  };
}

function parameterText(parameter: Node): string {
  return (
    text(parameter.text) ??
    text(node(parameter.currency)?.fallback_value) ??
    text(node(parameter.date_time)?.fallback_value) ??
    text(parameter.coupon_code) ??
    text(parameter.payload) ??
    ''
  );
}

/** Fills `{{1}}` (positional) or `{{name}}` (named) placeholders with the values the send supplied. */
function fill(template: string | undefined, parameters: Node[]): string | undefined {
  return template?.replace(/\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (placeholder, name: string) => {
    const parameter = /^\d+$/.test(name) ? parameters[Number(name) - 1] : parameters.find((p) => p.parameter_name === name);
    return parameter ? parameterText(parameter) : placeholder;
  });
}

/**
 * A template send names the template and supplies values; the words live in the definition, which
 * the sandbox lists separately. Without it, the phone can only name the template.
 */
function fromTemplate(sent: Node, templates: SandboxTemplate[] | undefined): Partial<ChatMessage> {
  const name = text(sent.name) ?? '?';
  const language = text(node(sent.language)?.code) ?? '?';
  const definition = templates?.find((t) => t.name === name && t.language === language);
  if (!definition) return { text: i18n.t('phone.message.template', { name, language }) };

  const sentComponents = list(sent.components);
  const parametersOf = (type: string) => list(sentComponents.find((c) => c.type === type)?.parameters);
  const component = <T extends TemplateComponent['type']>(type: T) => definition.components.find((c): c is Extract<TemplateComponent, { type: T }> => c.type === type);

  const header = component('HEADER');
  const buttons = (component('BUTTONS')?.buttons ?? []).flatMap((b) => (b.text ? [{ type: b.type, text: b.text, url: b.url }] : []));
  return {
    header: header?.format === 'TEXT' ? fill(header.text, parametersOf('header')) : undefined,
    media: header && header.format !== 'TEXT' ? { kind: header.format.toLowerCase() } : undefined,
    text: fill(component('BODY')?.text, parametersOf('body')),
    footer: component('FOOTER')?.text,
    options: buttons.length > 0 ? { kind: 'templateButtons', buttons } : undefined,
  };
}

function bodyOf(message: SandboxMessage, templates: SandboxTemplate[] | undefined): Partial<ChatMessage> {
  const { content, type } = message;
  if ((MEDIA_KINDS as readonly string[]).includes(type)) return { media: mediaOf(type, content[type]) };
  switch (type) {
    case 'text':
      return { text: text(node(content.text)?.body) };
    case 'interactive': {
      const interactive = node(content.interactive) ?? {};
      // The customer's side of an interactive exchange: the option they picked.
      const reply = node(interactive.button_reply) ?? node(interactive.list_reply);
      if (reply) return { text: text(reply.title), footer: text(reply.description) };
      return fromInteractive(interactive);
    }
    case 'button':
      return { text: text(node(content.button)?.text) };
    case 'template':
      return fromTemplate(node(content.template) ?? {}, templates);
    case 'location':
      return { media: locationOf(content.location) };
    case 'contacts':
      return { media: { kind: 'contacts', caption: contactsText(content.contacts) } };
    case 'unsupported':
      return { text: i18n.t('phone.message.unsupported') };
    default:
      return { text: i18n.t('phone.message.unknown', { type }) };
  }
}

/** Business messages reach the phone once delivered; before that (or when they fail) the customer sees nothing. */
const reachedPhone = (message: SandboxMessage) => message.direction === 'inbound' || message.status === 'delivered' || message.status === 'read';

/** The sandbox's log, turned into what the customer's phone shows: bubbles, and reactions pinned to them. */
export function toChat(messages: SandboxMessage[], templates: SandboxTemplate[] | undefined): { bubbles: ChatMessage[]; reactions: Reaction[] } {
  const bubbles: ChatMessage[] = [];
  const latest = new Map<string, Reaction>();
  for (const message of messages.filter(reachedPhone)) {
    const side: Side = message.direction === 'inbound' ? 'customer' : 'business';
    if (message.type === 'reaction') {
      const reaction = node(message.content.reaction);
      const targetId = text(reaction?.message_id);
      // One reaction per person and message; a new one replaces it and an empty one takes it back.
      if (targetId) latest.set(`${targetId}:${side}`, { targetId, side, emoji: typeof reaction?.emoji === 'string' ? reaction.emoji : '' });
      continue;
    }
    const context = node(message.content.context);
    bubbles.push({
      id: message.id,
      side,
      at: message.timestamp,
      read: message.direction === 'inbound' ? message.read_by_business : message.status === 'read',
      replyTo: text(context?.id) ?? text(context?.message_id),
      ...bodyOf(message, templates),
    });
  }
  return { bubbles, reactions: [...latest.values()].filter((r) => r.emoji !== '') };
}

export function needsTemplates(messages: SandboxMessage[]): boolean {
  return messages.some((m) => m.type === 'template');
}

export function mediaLabel(kind: string): string {
  switch (kind) {
    case 'image':
    case 'video':
    case 'audio':
    case 'document':
    case 'sticker':
    case 'location':
    case 'contacts':
      return i18n.t(`phone.media.${kind}`);
    default:
      return kind;
  }
}

/** One line for a quote: what WhatsApp shows above a reply. */
export function summary(message: ChatMessage): string {
  return message.text ?? message.media?.caption ?? (message.media ? mediaLabel(message.media.kind) : '');
}
