import { Fragment, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
} from '@dnd-kit/core';
import { SortableContext, sortableKeyboardCoordinates, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { restrictToVerticalAxis } from './modifiers';
import { getDb } from '~/lib/db';
import { send, toErrorCode, errorMessageKey } from '~/lib/messages';
import type { Locale, Step } from '~/lib/schema';
import { PICK_KEY, type PickState } from '~/lib/recorder/state';
import { stepTitle } from '~/lib/recorder/titles';
import { ElementFingerprintSchema } from '~/lib/schema';
import {
  changeLanguage,
  deleteStep,
  discardShots,
  draftOf,
  insertTip,
  isDirty,
  loadWalkthrough,
  moveStep,
  saveDraft,
  undoDelete,
  updateStep,
  validateDraft,
  type BlobUpdates,
  type Draft,
  type Loaded,
  type Removed,
} from '~/lib/recorder/draft';
import { createTranslator, type Translate } from '~/lib/i18n';
import { useI18n } from '../i18n';
import { Button, Notice } from '../ui';
import { StepCard } from './StepCard';
import { Icon } from './icons';
import { burnBlur } from './screenshots';
import { useRecorderActions, useRecorderStatus, useTabUrl } from './useRecorder';
import { ProblemNotice, RecordingStatusLine } from './parts';
import './recorder.css';
import './editor.css';

/** A message shown above the steps; a function of the translator so a language switch re-renders it. */
type Flash = { kind: 'success' | 'info' | 'warning' | 'danger'; text: (t: Translate) => string; action?: { label: (t: Translate) => string; run: () => void } };

/** Edit a walkthrough's steps and metadata. Owned by the recorder feature. */
export function WalkthroughEditor({ walkthroughId, tabId, onClose }: { walkthroughId: string; tabId: number | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const db = getDb();
  const [base, setBase] = useState<Loaded | null>();
  const [draft, setDraft] = useState<Draft>();
  const [expanded, setExpanded] = useState<string | null>(null);
  const [flash, setFlash] = useState<Flash>();
  const [removed, setRemoved] = useState<Removed>();
  const [relabel, setRelabel] = useState(true);
  const [saving, setSaving] = useState(false);
  const [issue, setIssue] = useState<ReturnType<typeof validateDraft>>();
  const [picking, setPicking] = useState<string>();
  const focusAfter = useRef<string | null>(null);
  const status = useRecorderStatus();
  const tabUrl = useTabUrl(tabId);
  const recorder = useRecorderActions(tabId, tabUrl);
  const recordingThis = status.recording && status.walkthroughId === walkthroughId;

  // the stored walkthrough, live: while it is recorded (or before the first edit) the view follows it
  const stored = useLiveQuery(async () => (await loadWalkthrough(db, walkthroughId)) ?? null, [walkthroughId]);
  const dirty = !!(draft && base && isDirty(draft, base));
  useEffect(() => {
    if (stored === undefined) return;
    if (!dirty || recordingThis) {
      setBase(stored);
      setDraft(stored ? draftOf(stored) : undefined);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new stored version resets the draft
  }, [stored]);

  const goals = useLiveQuery(() => db.goals.orderBy('order').toArray(), []);

  // re-pick results arrive through storage.session (the page's click reaches the background first)
  useEffect(() => {
    const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'session' || !(PICK_KEY in changes)) return;
      const p = changes[PICK_KEY]!.newValue as PickState | undefined;
      if (!p || p.stepId !== picking) return;
      if (p.status === 'picking') return;
      setPicking(undefined);
      if (p.status !== 'done') {
        setFlash({ kind: 'info', text: (t) => t('recorder.step.repick.cancelled') });
        return;
      }
      const target = ElementFingerprintSchema.safeParse(p.target);
      setDraft((d) => {
        if (!d) return d;
        const s = d.steps.find((x) => x.id === p.stepId);
        if (!s) return d;
        const lang = d.meta.language;
        const wasGenerated =
          stepTitle({ action: s.action, role: s.target?.role, label: s.target?.label || s.target?.name || s.target?.text }, lang) === s.title;
        const patch: Partial<Step> = {
          ...(target.success ? { target: target.data } : {}),
          ...(p.screenshotId ? { screenshotId: p.screenshotId } : {}),
          ...(wasGenerated && p.label ? { title: stepTitle({ action: s.action, role: p.role, label: p.label }, lang) } : {}),
        };
        const next = updateStep(d, p.stepId, patch);
        return p.screenshotId ? { ...next, replacedShots: { ...next.replacedShots, [p.stepId]: p.screenshotId } } : next;
      });
      const n = (draft?.steps.findIndex((x) => x.id === p.stepId) ?? 0) + 1;
      setFlash({ kind: 'success', text: (t) => t('recorder.step.repick.done', { n }) });
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => browser.storage.onChanged.removeListener(onChanged);
  }, [picking, t, draft]);

  // focus the title of a newly inserted tip
  useEffect(() => {
    if (!focusAfter.current) return;
    const el = document.querySelector<HTMLInputElement>(`[data-step-id="${focusAfter.current}"] .ed-step__title`);
    focusAfter.current = null;
    el?.focus();
    el?.select();
  });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 5 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const ids = useMemo(() => draft?.steps.map((s) => s.id) ?? [], [draft]);
  const indexOf = useCallback((id: string | number) => ids.indexOf(String(id)) + 1, [ids]);
  const announcements: Announcements = useMemo(
    () => ({
      onDragStart: ({ active }) => t('recorder.dnd.picked', { n: indexOf(active.id) }),
      onDragOver: ({ over }) => (over ? t('recorder.dnd.over', { n: indexOf(over.id) }) : undefined),
      onDragEnd: ({ over }) => (over ? t('recorder.step.moved', { n: indexOf(over.id) }) : t('recorder.dnd.cancel')),
      onDragCancel: () => t('recorder.dnd.cancel'),
    }),
    [t, indexOf],
  );

  const fieldIds = { title: useId(), desc: useId(), goal: useId(), topic: useId(), url: useId(), lang: useId(), minutes: useId() };

  if (stored === undefined || (stored && !draft)) return <p className="muted">{t('recorder.editor.loading')}</p>;
  if (stored === null || !draft || !base) {
    return (
      <Notice kind="warning">
        <p>{t('recorder.editor.notFound')}</p>
        <Button onClick={onClose}>{t('recorder.editor.back')}</Button>
      </Notice>
    );
  }
  const readOnly = recordingThis;
  const steps = draft.steps;
  const set = (next: Draft) => {
    setDraft(next);
    setIssue(undefined);
    if (flash?.kind === 'success') setFlash(undefined);
  };

  const onDragEnd = (e: DragEndEvent) => {
    if (!e.over || e.active.id === e.over.id) return;
    set(moveStep(draft, ids.indexOf(String(e.active.id)), ids.indexOf(String(e.over.id))));
  };

  const remove = (id: string) => {
    const r = deleteStep(draft, id);
    set(r.draft);
    if (r.removed) {
      setRemoved(r.removed);
      setExpanded(null);
    }
  };

  const addTip = (index: number) => {
    const r = insertTip(draft, index, walkthroughId, createTranslator(draft.meta.language)('recorder.title.tip'));
    set(r.draft);
    setExpanded(r.id);
    focusAfter.current = r.id;
  };

  const save = async () => {
    const problem = validateDraft(draft);
    if (problem) {
      setIssue(problem);
      if (problem.field === 'step' && problem.stepId) setExpanded(problem.stepId);
      return;
    }
    setSaving(true);
    try {
      // blur rectangles added since the last save are burnt into the image before the transaction
      const blobs: BlobUpdates = {};
      for (const s of draft.steps) {
        const before = base.steps.find((b) => b.id === s.id);
        const locked = before && before.screenshotId === s.screenshotId ? before.blurRects.length : 0;
        const fresh = s.blurRects.slice(locked);
        if (!fresh.length || !s.screenshotId) continue;
        const shot = await db.screenshots.get(s.screenshotId);
        if (shot) blobs[s.id] = await burnBlur(shot.blob, fresh);
      }
      const version = await saveDraft(db, walkthroughId, draft, blobs);
      const fresh = await loadWalkthrough(db, walkthroughId);
      if (fresh) {
        setBase(fresh);
        setDraft(draftOf(fresh));
      }
      setRemoved(undefined);
      setFlash({ kind: 'success', text: (t) => t('recorder.editor.saved', { version }) });
    } catch (err) {
      setFlash({ kind: 'danger', text: (t) => t(errorMessageKey(toErrorCode(err))) });
    } finally {
      setSaving(false);
    }
  };

  const discard = async () => {
    await discardShots(db, draft);
    setDraft(draftOf(base));
    setRemoved(undefined);
    setIssue(undefined);
  };

  const repick = async (s: Step) => {
    if (tabId === undefined) return;
    try {
      setPicking(s.id);
      setFlash({ kind: 'info', text: (t) => t('recorder.step.repick.waiting') });
      await send('recorder.repick', { tabId, stepId: s.id });
    } catch (err) {
      setPicking(undefined);
      setFlash({ kind: 'danger', text: (t) => t(errorMessageKey(toErrorCode(err))) });
    }
  };

  const preview = async (s: Step, index: number) => {
    if (tabId === undefined) return;
    const target = s.healedTarget ?? s.target;
    if (!target) return;
    try {
      const r = await send('recorder.preview', { tabId, target, title: s.title.slice(0, 300) || '…', n: index + 1 });
      if (r.found) setFlash({ kind: 'success', text: (t) => t('recorder.step.preview.ok', { n: index + 1 }) });
      else
        setFlash({
          kind: 'warning',
          text: (t) => t('recorder.step.preview.notFound', { n: index + 1, page: shortPage(s.url) }),
          action: { label: (tt) => tt('recorder.step.preview.open'), run: () => void browser.tabs.update(tabId, { url: s.url }) },
        });
    } catch (err) {
      setFlash({ kind: 'danger', text: (t) => t(errorMessageKey(toErrorCode(err))) });
    }
  };

  const openPrint = () =>
    void browser.tabs.create({ url: browser.runtime.getURL(`/walkthrough-print.html?id=${encodeURIComponent(walkthroughId)}` as '/walkthrough-print.html') });

  const m = draft.meta;
  const setMeta = (patch: Partial<Draft['meta']>) => set({ ...draft, meta: { ...m, ...patch } });

  return (
    <div className="ed" data-testid="walkthrough-editor">
      <div className="ed__head">
        <h2 className="ed__title">{t('recorder.editor.title')}</h2>
        <span className="ed__version">{t('recorder.editor.version', { version: stored.walkthrough.version })}</span>
        <Button variant="ghost" onClick={openPrint}>
          <Icon name="print" /> {t('recorder.editor.print')}
        </Button>
      </div>

      {recordingThis ? (
        <div className="rec rec--on">
          <RecordingStatusLine status={status} />
          <p className="rec__why">{t('recorder.editor.recordingNotice')}</p>
        </div>
      ) : stored.walkthrough.status === 'draft' || stored.walkthrough.status === 'recording' ? (
        <Notice kind="warning">
          <p>{t('recorder.editor.draftNotice')}</p>
          <Button
            className="rec__start"
            variant="primary"
            disabled={recorder.busy || tabId === undefined}
            onClick={() => void recorder.start({ walkthroughId })}
          >
            <span className="rec__dot" aria-hidden="true" /> {t('recorder.editor.resume')}
          </Button>
          <ProblemNotice problem={recorder.problem} />
        </Notice>
      ) : null}

      <fieldset className="ed__meta lotse-card" disabled={readOnly}>
        <legend>{t('recorder.editor.details')}</legend>
        <div className="lotse-field">
          <label htmlFor={fieldIds.title}>{t('recorder.editor.field.title')}</label>
          <input
            id={fieldIds.title}
            type="text"
            value={m.title}
            maxLength={200}
            aria-invalid={issue?.field === 'title' || undefined}
            onChange={(e) => setMeta({ title: e.target.value })}
          />
          {issue?.field === 'title' ? <span className="ed-error">{t('recorder.editor.field.title.required')}</span> : null}
        </div>
        <div className="lotse-field">
          <label htmlFor={fieldIds.desc}>{t('recorder.editor.field.description')}</label>
          <textarea id={fieldIds.desc} value={m.description} maxLength={4000} rows={2} onChange={(e) => setMeta({ description: e.target.value })} />
        </div>
        <div className="ed__grid">
          {goals && goals.length ? (
            <div className="lotse-field">
              <label htmlFor={fieldIds.goal}>{t('recorder.editor.field.goal')}</label>
              <select
                id={fieldIds.goal}
                value={m.goalId ?? ''}
                onChange={(e) => {
                  const { goalId: _g, ...rest } = m;
                  set({ ...draft, meta: e.target.value ? { ...rest, goalId: e.target.value } : rest });
                }}
              >
                <option value="">{t('recorder.editor.field.noGoal')}</option>
                {goals.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.title}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
          <div className="lotse-field">
            <label htmlFor={fieldIds.topic}>{t('recorder.editor.field.topic')}</label>
            <input id={fieldIds.topic} type="text" value={m.topic} maxLength={200} onChange={(e) => setMeta({ topic: e.target.value })} />
            <span className="hint">{t('recorder.editor.field.topic.hint')}</span>
          </div>
        </div>
        <div className="lotse-field">
          <label htmlFor={fieldIds.url}>{t('recorder.editor.field.startUrl')}</label>
          <input
            id={fieldIds.url}
            type="url"
            value={m.startUrl}
            maxLength={2000}
            aria-invalid={issue?.field === 'startUrl' || undefined}
            onChange={(e) => setMeta({ startUrl: e.target.value })}
          />
          {issue?.field === 'startUrl' ? <span className="ed-error">{t('recorder.editor.field.startUrl.invalid')}</span> : null}
        </div>
        <div className="ed__grid">
          <div className="lotse-field">
            <label htmlFor={fieldIds.lang}>{t('recorder.editor.field.language')}</label>
            <select id={fieldIds.lang} value={m.language} onChange={(e) => set(changeLanguage(draft, e.target.value as Locale, relabel))}>
              <option value="de">{t('settings.language.de')}</option>
              <option value="en">{t('settings.language.en')}</option>
            </select>
            <label className="lotse-check ed__relabel">
              <input type="checkbox" checked={relabel} onChange={(e) => setRelabel(e.target.checked)} />
              <span>{t('recorder.editor.relabel')}</span>
            </label>
          </div>
          <div className="lotse-field">
            <label htmlFor={fieldIds.minutes}>{t('recorder.editor.field.minutes')}</label>
            <input
              id={fieldIds.minutes}
              type="number"
              min={1}
              max={240}
              value={m.estimatedMinutes ?? ''}
              aria-invalid={issue?.field === 'estimatedMinutes' || undefined}
              onChange={(e) => {
                const v = e.target.value === '' ? undefined : Math.round(Number(e.target.value));
                const { estimatedMinutes: _e, ...rest } = m;
                set({ ...draft, meta: v === undefined || Number.isNaN(v) ? rest : { ...rest, estimatedMinutes: v } });
              }}
            />
          </div>
        </div>
        {m.status !== 'recording' ? (
          <label className="lotse-check">
            <input type="checkbox" checked={m.status === 'ready'} onChange={(e) => setMeta({ status: e.target.checked ? 'ready' : 'draft' })} />
            <span>
              {t('recorder.editor.field.status')}
              <span className="hint">{t('recorder.editor.field.status.hint')}</span>
            </span>
          </label>
        ) : null}
      </fieldset>

      <div className="ed__stepshead">
        <h3>{t('recorder.editor.steps')}</h3>
        <span className="muted">{t('recorder.editor.steps.count', { count: steps.length })}</span>
      </div>
      <p id="ed-dnd-hint" className="visually-hidden">
        {t('recorder.step.drag.hint')}
      </p>

      {flash ? (
        <Notice kind={flash.kind}>
          <span>{flash.text(t)}</span>{' '}
          {flash.action ? (
            <Button onClick={flash.action.run} className="ed-inline-btn">
              {flash.action.label(t)}
            </Button>
          ) : null}
        </Notice>
      ) : null}
      {removed ? (
        <Notice kind="info">
          <span>{t('recorder.step.deleted', { title: removed.step.title || t('recorder.step.number', { n: removed.index + 1 }) })}</span>{' '}
          <Button
            className="ed-inline-btn"
            onClick={() => {
              set(undoDelete(draft, removed));
              setRemoved(undefined);
            }}
          >
            {t('common.undo')}
          </Button>
        </Notice>
      ) : null}

      {steps.length === 0 ? <p className="lotse-empty">{t('recorder.editor.steps.empty')}</p> : null}
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        modifiers={[restrictToVerticalAxis]}
        onDragEnd={onDragEnd}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('recorder.step.drag.hint') } }}
      >
        <SortableContext items={ids} strategy={verticalListSortingStrategy}>
          <ol className="ed__steps">
            {steps.map((s, i) => (
              <Fragment key={s.id}>
                {!readOnly && i > 0 ? <InsertTip onClick={() => addTip(i)} label={t('recorder.step.insertTip')} /> : null}
                <StepCard
                  step={s}
                  index={i}
                  count={steps.length}
                  expanded={expanded === s.id}
                  readOnly={readOnly}
                  lockedBlur={(() => {
                    const b = base.steps.find((x) => x.id === s.id);
                    return b && b.screenshotId === s.screenshotId ? b.blurRects.length : 0;
                  })()}
                  canUsePage={tabId !== undefined}
                  onToggle={() => setExpanded(expanded === s.id ? null : s.id)}
                  onChange={(patch) => set(updateStep(draft, s.id, patch))}
                  onMove={(to) => set(moveStep(draft, i, to))}
                  onDelete={() => remove(s.id)}
                  onRepick={() => void repick(s)}
                  onPreview={() => void preview(s, i)}
                />
              </Fragment>
            ))}
          </ol>
        </SortableContext>
      </DndContext>
      {!readOnly ? (
        <Button className="ed__addtip" onClick={() => addTip(steps.length)}>
          <Icon name="tip" /> {t('recorder.step.addTip')}
        </Button>
      ) : null}

      {!readOnly ? (
        <div className={`ed__savebar${dirty ? ' ed__savebar--dirty' : ''}`}>
          <span className="ed__savestate" role="status">
            {dirty ? t('recorder.editor.unsaved') : ''}
          </span>
          <Button onClick={() => void discard()} disabled={!dirty || saving}>
            {t('recorder.editor.discard')}
          </Button>
          <Button variant="primary" onClick={() => void save()} disabled={!dirty || saving} data-testid="editor-save">
            {t('recorder.editor.save')}
          </Button>
        </div>
      ) : null}
    </div>
  );
}

function InsertTip({ onClick, label }: { onClick: () => void; label: string }) {
  return (
    <li className="ed__insert" aria-hidden="false">
      <button type="button" className="ed__insertbtn" onClick={onClick}>
        <span aria-hidden="true">+</span> {label}
      </button>
    </li>
  );
}

function shortPage(url: string): string {
  try {
    const u = new URL(url);
    return `${u.host}${u.pathname}`;
  } catch {
    return url;
  }
}
