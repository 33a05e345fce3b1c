import { useState } from 'react';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { ExportDialog } from './ExportDialog';
import { ExportButton, ImportButton, ImportDropZone, useImportFlow } from './ShareButtons';
import { formatDate } from '~/lib/i18n';
import './testHooks';
import './bundle.css';

const MONTH_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Settings: exchanging files with the tandem partner, and the full encrypted backup and restore, with
 * the reminder that uninstalling the extension deletes all its data.
 */
export function BackupRestore() {
  const { t, locale, settings } = useI18n();
  const [backingUp, setBackingUp] = useState(false);
  const restore = useImportFlow('restore');
  const last = settings.lastBackupAt;
  const old = last !== undefined && Date.now() - Date.parse(last) > MONTH_MS;
  return (
    <>
      <ImportDropZone>
        <section className="lotse-card bn-card" aria-labelledby="bn-share-title">
          <h2 id="bn-share-title">{t('bundle.share.title')}</h2>
          <p>{t('bundle.share.intro')}</p>
          <div className="bn-actions">
            <ExportButton selection={{}} choose label={t('bundle.share.create')} />
            <ImportButton />
          </div>
          <p className="hint bn-hint">{t('bundle.share.dropHint')}</p>
        </section>
      </ImportDropZone>
      <section className="lotse-card bn-card" aria-labelledby="bn-backup-title">
        <h2 id="bn-backup-title">{t('bundle.backup.title')}</h2>
        <Notice kind="warning">{t('bundle.backup.warning')}</Notice>
        <p className="bn-last" data-testid="bundle-last-backup">
          {last
            ? t('bundle.backup.last', { date: formatDate(last, locale, { dateStyle: 'long', timeStyle: 'short' }) })
            : t('bundle.backup.never')}
          {old ? (
            <>
              <br />
              <strong>{t('bundle.backup.old')}</strong>
            </>
          ) : null}
        </p>
        <div className="bn-actions">
          <Button variant="primary" onClick={() => setBackingUp(true)} aria-haspopup="dialog">
            {t('bundle.backup.create')}
          </Button>
          <Button onClick={restore.pick} aria-haspopup="dialog">
            {t('bundle.backup.restore')}
          </Button>
        </div>
        {backingUp ? (
          <ExportDialog selection={{ everything: true }} mode="backup" onClose={() => setBackingUp(false)} />
        ) : null}
        {restore.element}
      </section>
    </>
  );
}
