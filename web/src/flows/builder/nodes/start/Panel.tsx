import { useTranslation } from 'react-i18next';

export function StartPanel() {
  const { t } = useTranslation();
  return <p className="text-sm leading-relaxed text-zinc-600">{t('flows.nodes.start.help')}</p>;
}
