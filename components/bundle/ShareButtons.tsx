import { useCallback, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Button } from '../ui';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';
import { FILE_EXTENSION, type BundleSelection } from '~/lib/bundle';
import './testHooks';
import './bundle.css';

/**
 * Save the selection as a .lotse file: a dialog asks whether to protect it with a passphrase (on by
 * default when questions or meetings are in it), then the browser downloads it. `choose` adds a first
 * step where the user picks the items (the selection is pre-ticked).
 */
export function ExportButton({
  selection,
  label,
  compact = false,
  choose = false,
}: {
  selection: BundleSelection;
  label?: string;
  compact?: boolean;
  choose?: boolean;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        variant={compact ? 'ghost' : 'secondary'}
        className={compact ? 'bn-compact' : undefined}
        onClick={() => setOpen(true)}
        aria-haspopup="dialog"
      >
        <ShareIcon />
        {label ?? (compact ? t('bundle.export.buttonCompact') : t('bundle.export.button'))}
      </Button>
      {open ? <ExportDialog selection={selection} mode="share" choose={choose} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

/**
 * The import flow around a file: a hidden file input (unless `withInput` is false, e.g. for a drop
 * zone), the dialog, "choose another file".
 */
export function useImportFlow(mode: 'share' | 'restore' = 'share', withInput = true) {
  const [file, setFile] = useState<File | null>(null);
  // a new key per file: the dialog starts fresh even for the same file picked twice
  const [round, setRound] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const pick = useCallback(() => {
    if (input.current) {
      input.current.value = '';
      input.current.click();
    }
  }, []);
  const openFile = useCallback((f: File) => {
    setFile(f);
    setRound((r) => r + 1);
  }, []);
  const t = useT();
  const element = (
    <>
      {withInput ? (
        <input
          ref={input}
          type="file"
          accept={`${FILE_EXTENSION},application/octet-stream`}
          className="visually-hidden"
          tabIndex={-1}
          aria-label={mode === 'restore' ? t('bundle.backup.restoreFileLabel') : t('bundle.import.fileLabel')}
          data-testid={mode === 'restore' ? 'bundle-restore-file' : 'bundle-import-file'}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) openFile(f);
          }}
        />
      ) : null}
      {file ? (
        <ImportDialog
          key={round}
          file={file}
          mode={mode}
          onClose={() => setFile(null)}
          onPickAnother={
            withInput
              ? () => {
                  setFile(null);
                  pick();
                }
              : undefined
          }
        />
      ) : null}
    </>
  );
  return { pick, openFile, element };
}

/** Pick a .lotse file and import it: preview, choices, then all or nothing. */
export function ImportButton({ compact = false, label }: { compact?: boolean; label?: string }) {
  const t = useT();
  const flow = useImportFlow('share');
  return (
    <>
      <Button
        variant={compact ? 'ghost' : 'secondary'}
        className={compact ? 'bn-compact' : undefined}
        onClick={flow.pick}
        aria-haspopup="dialog"
      >
        <OpenIcon />
        {label ?? t('bundle.import.button')}
      </Button>
      {flow.element}
    </>
  );
}

/**
 * Wrap any area (e.g. the walkthroughs section of the side panel) to accept a dropped .lotse file:
 * `<ImportDropZone><…section…/></ImportDropZone>`. While a file is dragged over it, a calm overlay says
 * where to drop; the drop opens the same import dialog as ImportButton.
 */
export function ImportDropZone({ children, className }: { children: ReactNode; className?: string }) {
  const t = useT();
  const flow = useImportFlow('share', false);
  const [over, setOver] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const depth = useRef(0);
  const hasFiles = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');
  return (
    <div
      className={`bn-drop${over ? ' bn-drop--over' : ''}${className ? ` ${className}` : ''}`}
      onDragEnter={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current++;
        setOver(true);
      }}
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'copy';
      }}
      onDragLeave={() => {
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setOver(false);
      }}
      onDrop={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        depth.current = 0;
        setOver(false);
        const files = Array.from(e.dataTransfer.files);
        if (files.length !== 1) {
          setNote(t('bundle.drop.onlyOne'));
          return;
        }
        setNote(null);
        flow.openFile(files[0]!);
      }}
    >
      {children}
      {over ? (
        <div className="bn-drop__overlay" aria-hidden="true">
          <OpenIcon size={36} />
          <span>{t('bundle.drop.hint')}</span>
        </div>
      ) : null}
      {note ? (
        <p className="bn-field-error" role="alert">
          {note}
        </p>
      ) : null}
      {flow.element}
    </div>
  );
}

export function ShareIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 3 7 8l1.4 1.4L11 6.8V16h2V6.8l2.6 2.6L17 8zM5 14v5c0 1.1.9 2 2 2h10a2 2 0 0 0 2-2v-5h-2v5H7v-5z"
        fill="currentColor"
      />
    </svg>
  );
}

export function OpenIcon({ size = 20 }: { size?: number }) {
  return (
    <svg viewBox="0 0 24 24" width={size} height={size} aria-hidden="true" focusable="false">
      <path
        d="M12 16 7 11l1.4-1.4 2.6 2.6V3h2v9.2l2.6-2.6L17 11zM5 14v5c0 1.1.9 2 2 2h10a2 2 0 0 0 2-2v-5h-2v5H7v-5z"
        fill="currentColor"
      />
    </svg>
  );
}
