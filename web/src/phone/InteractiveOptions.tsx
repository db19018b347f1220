import { Copy, ExternalLink, List, MapPin, Phone, Reply } from 'lucide-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChatOptions, TemplateButton } from './chatMessage';
import { ListOptionsDialog } from './ListOptionsDialog';
import { OptionItem } from './OptionItem';
import type { OutgoingMessage } from './useSandbox';

interface InteractiveOptionsProps {
  messageId: string;
  options: ChatOptions;
  onChoose: (reply: OutgoingMessage) => void;
}

// The customer's answer to a location request; any place will do for a test.
const SAMPLE_LOCATION = { latitude: -23.561414, longitude: -46.655881, name: 'MASP', address: 'Av. Paulista, 1578 - Bela Vista, São Paulo - SP' };

// Calls and copy-code buttons do something only on a real phone: shown, not actionable.
const templateButtonIcons: Record<string, typeof Reply> = { QUICK_REPLY: Reply, URL: ExternalLink, PHONE_NUMBER: Phone, COPY_CODE: Copy };

/** What the customer can tap under a business message; each tap sends the reply Meta would deliver. */
export function InteractiveOptions({ messageId, options, onChoose }: InteractiveOptionsProps) {
  const { t } = useTranslation();
  const [listOpen, setListOpen] = useState(false);
  const context = { message_id: messageId };

  const templateButton = (button: TemplateButton, index: number) => (
    <OptionItem
      key={`${index}-${button.text}`}
      icon={templateButtonIcons[button.type] ?? ExternalLink}
      label={button.text}
      href={button.type === 'URL' ? button.url : undefined}
      onClick={button.type === 'QUICK_REPLY' ? () => onChoose({ message: { type: 'button', button: { text: button.text }, context }, preview: button.text }) : undefined}
    />
  );

  return (
    <div className="mt-0.5 flex flex-col gap-0.5">
      {options.kind === 'replyButtons' &&
        options.buttons.map((button) => (
          <OptionItem
            key={button.id}
            icon={Reply}
            label={button.title}
            onClick={() => onChoose({ message: { type: 'button_reply', button_reply: { id: button.id }, context }, preview: button.title })}
          />
        ))}
      {options.kind === 'list' && <OptionItem icon={List} label={options.label} onClick={() => setListOpen(true)} />}
      {options.kind === 'templateButtons' && options.buttons.map(templateButton)}
      {options.kind === 'link' && <OptionItem icon={ExternalLink} label={options.label} href={options.url} />}
      {options.kind === 'locationRequest' && (
        <OptionItem
          icon={MapPin}
          label={t('phone.options.sendLocation')}
          onClick={() => onChoose({ message: { type: 'location', location: SAMPLE_LOCATION }, preview: `${SAMPLE_LOCATION.name} · ${SAMPLE_LOCATION.address}` })}
        />
      )}
      {options.kind === 'list' && listOpen && (
        <ListOptionsDialog
          title={options.label}
          sections={options.sections}
          onClose={() => setListOpen(false)}
          onChoose={(row) => {
            setListOpen(false);
            onChoose({ message: { type: 'list_reply', list_reply: { id: row.id }, context }, preview: row.title });
          }}
        />
      )}
    </div>
  );
}
