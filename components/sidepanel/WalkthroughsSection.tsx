import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useT } from '../i18n';
import { Button } from '../ui';
import { useTargetTabId } from '../useTargetTab';
import { RecordButton } from '../recorder/RecordButton';
import { WalkthroughEditor } from '../recorder/WalkthroughEditor';
import { ImportButton } from '../bundle/ShareButtons';
import { Library } from '../player/Library';
import { getDb } from '~/lib/db';

/**
 * Walkthroughs: the library (player), the record button and editor (recorder), import/export (bundle).
 * Owned by the player feature; the others plug in their components.
 */
export function WalkthroughsSection() {
  const t = useT();
  const tabId = useTargetTabId();
  const [editing, setEditing] = useState<string | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The walkthrough may be deleted in the editor (or by an import elsewhere): back to the list then.
  // (undefined when not editing: a stale `false` from the list view must not close the editor at once)
  const exists = useLiveQuery(
    async () => (editing ? (await getDb().walkthroughs.get(editing)) !== undefined : undefined),
    [editing],
  );
  useEffect(() => {
    if (editing && exists === false) setEditing(null);
  }, [editing, exists]);
  const close = () => {
    setEditing(null);
    // back in the list: keep the keyboard user oriented
    requestAnimationFrame(() => headingRef.current?.focus());
  };

  if (editing) {
    return (
      <section aria-labelledby="sp-walkthroughs-title">
        <div className="sp-section__head">
          <Button variant="ghost" className="pl-back" onClick={close}>
            <span aria-hidden="true">←</span> {t('player.library.backToList')}
          </Button>
        </div>
        <h1 id="sp-walkthroughs-title" className="visually-hidden">
          {t('walkthroughs.title')}
        </h1>
        <WalkthroughEditor walkthroughId={editing} tabId={tabId} onClose={close} />
      </section>
    );
  }
  return (
    <section aria-labelledby="sp-walkthroughs-title">
      <div className="sp-section__head">
        <h1 id="sp-walkthroughs-title" ref={headingRef} tabIndex={-1}>
          {t('walkthroughs.title')}
        </h1>
        <div className="pl-section__tools">
          <RecordButton tabId={tabId} />
          <ImportButton compact />
        </div>
      </div>
      <Library tabId={tabId} onEdit={setEditing} />
    </section>
  );
}
