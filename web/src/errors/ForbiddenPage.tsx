import { ShieldX } from 'lucide-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { EmptyState } from '../ui/EmptyState';
import { Page } from '../ui/Page';

export function ForbiddenPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('errors.forbiddenTitle'));
  return (
    <Page>
      <EmptyState
        icon={ShieldX}
        title={t('errors.forbiddenTitle')}
        description={t('errors.forbiddenText')}
        action={
          <Link to="/inbox" className="text-sm font-medium text-emerald-700 hover:underline">
            {t('errors.backHome')}
          </Link>
        }
      />
    </Page>
  );
}
