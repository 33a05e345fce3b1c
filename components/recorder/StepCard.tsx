import { useId, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useSortable } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useT } from '../i18n';
import { Button } from '../ui';
import type { Step } from '~/lib/schema';
import { useScreenshotUrl } from './screenshots';
import { Icon } from './icons';

export interface StepCardProps {
  step: Step;
  index: number;
  count: number;
  expanded: boolean;
  readOnly: boolean;
  /** blur rectangles already burnt into the stored screenshot (cannot be undone) */
  lockedBlur: number;
  onToggle(): void;
  onChange(patch: Partial<Step>): void;
  onMove(to: number): void;
  onDelete(): void;
  onRepick(): void;
  onPreview(): void;
  canUsePage: boolean;
}


export function StepCard(p: StepCardProps) {
  const t = useT();
  const { step, index } = p;
  const n = index + 1;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({
    id: step.id,
    disabled: p.readOnly,
  });
  const shot = useScreenshotUrl(step.screenshotId);
  const [blurring, setBlurring] = useState(false);
  const titleId = useId();
  const explId = useId();
  const exampleId = useId();
  const a = step.action;
  return (
    <li
      ref={setNodeRef}
      className={`ed-step${isDragging ? ' ed-step--dragging' : ''}${a.type === 'tip' ? ' ed-step--tip' : ''}`}
      style={{ transform: CSS.Translate.toString(transform), transition }}
      data-testid="editor-step"
      data-step-id={step.id}
      aria-label={t('recorder.step.number', { n })}
    >
      <div className="ed-step__row">
        {!p.readOnly ? (
          <button
            type="button"
            className="ed-step__handle"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t('recorder.step.drag', { n })}
            aria-describedby="ed-dnd-hint"
            title={t('recorder.step.drag.hint')}
          >
            <svg viewBox="0 0 12 20" width="12" height="20" aria-hidden="true" focusable="false">
              {[3, 10, 17].map((y) => (
                <g key={y}>
                  <circle cx="3" cy={y} r="1.6" fill="currentColor" />
                  <circle cx="9" cy={y} r="1.6" fill="currentColor" />
                </g>
              ))}
            </svg>
          </button>
        ) : null}
        <span className="ed-step__num" aria-hidden="true">
          {n}
        </span>
        <button type="button" className="ed-step__thumb" onClick={p.onToggle} aria-expanded={p.expanded} aria-label={t('recorder.step.screenshot', { n })}>
          {shot ? (
            <img src={shot.url} alt="" width={shot.width} height={shot.height} />
          ) : (
            <span className="ed-step__noshot" aria-hidden="true">
              <Icon name={a.type} size={26} />
            </span>
          )}
        </button>
        <div className="ed-step__main">
          <div className="ed-step__kind">
            <Icon name={a.type} size={14} /> {t(`recorder.step.kind.${a.type}`)}
          </div>
          <label htmlFor={titleId} className="visually-hidden">
            {t('recorder.step.title')} – {t('recorder.step.number', { n })}
          </label>
          <textarea
            id={titleId}
            className="ed-step__title"
            rows={2}
            value={step.title}
            maxLength={300}
            readOnly={p.readOnly}
            onChange={(e) => p.onChange({ title: e.target.value.replace(/\n/g, ' ') })}
          />
          {step.explanation && !p.expanded ? <p className="ed-step__expl-preview">{step.explanation}</p> : null}
        </div>
        {!p.readOnly ? (
          <div className="ed-step__tools">
            <Button variant="ghost" className="ed-icon" onClick={p.onToggle} aria-expanded={p.expanded} aria-label={t('common.edit')} title={t('common.edit')}>
              <span aria-hidden="true">{p.expanded ? '▴' : '▾'}</span>
            </Button>
          </div>
        ) : null}
      </div>
      {p.expanded && !p.readOnly ? (
        <div className="ed-step__details">
          {shot && blurring ? (
            <BlurEditor
              url={shot.url}
              rects={step.blurRects}
              locked={p.lockedBlur}
              onChange={(blurRects) => p.onChange({ blurRects })}
              onDone={() => setBlurring(false)}
            />
          ) : shot ? (
            <div className="ed-step__shot">
              <img src={shot.url} alt={t('recorder.step.screenshot', { n })} width={shot.width} height={shot.height} />
              {step.blurRects.map((r, i) => (
                <span
                  key={i}
                  className="ed-blur ed-blur--shown"
                  style={{ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` }}
                />
              ))}
            </div>
          ) : (
            <p className="muted">{t('recorder.step.noScreenshot')}</p>
          )}
          {a.type === 'input' ? <p className="ed-hint">{t('recorder.step.masked')}</p> : null}
          <div className="lotse-field">
            <label htmlFor={explId}>{t('recorder.step.explanation')}</label>
            <textarea
              id={explId}
              value={step.explanation}
              maxLength={4000}
              placeholder={t('recorder.step.explanation.placeholder')}
              onChange={(e) => p.onChange({ explanation: e.target.value })}
            />
          </div>
          {a.type === 'input' ? (
            a.sensitive ? (
              <p className="ed-hint ed-hint--lock">{t('recorder.step.sensitive')}</p>
            ) : (
              <div className="ed-example">
                <label className="lotse-check">
                  <input
                    type="checkbox"
                    checked={a.keepValue}
                    onChange={(e) =>
                      p.onChange({
                        action: e.target.checked
                          ? { ...a, keepValue: true, exampleValue: a.exampleValue ?? '' }
                          : { type: 'input', inputType: a.inputType, keepValue: false, sensitive: false },
                      })
                    }
                  />
                  <span>
                    {t('recorder.step.keepValue')}
                    <span className="hint">{t('recorder.step.keepValue.hint')}</span>
                  </span>
                </label>
                {a.keepValue ? (
                  <div className="lotse-field">
                    <label htmlFor={exampleId}>{t('recorder.step.example')}</label>
                    <input
                      id={exampleId}
                      type="text"
                      value={a.exampleValue ?? ''}
                      maxLength={2000}
                      onChange={(e) => p.onChange({ action: { ...a, exampleValue: e.target.value } })}
                    />
                  </div>
                ) : null}
              </div>
            )
          ) : null}
          <div className="ed-step__actions">
            {step.target ? (
              <Button onClick={p.onPreview} disabled={!p.canUsePage}>
                {t('recorder.step.preview')}
              </Button>
            ) : null}
            {a.type !== 'tip' && a.type !== 'navigate' && a.type !== 'new-tab' ? (
              <Button onClick={p.onRepick} disabled={!p.canUsePage}>
                {t('recorder.step.repick')}
              </Button>
            ) : null}
            {shot && !blurring ? <Button onClick={() => setBlurring(true)}>{t('recorder.step.blur')}</Button> : null}
            <Button onClick={() => p.onMove(index - 1)} disabled={index === 0}>
              <span aria-hidden="true">↑</span> {t('recorder.step.moveUp')}
            </Button>
            <Button onClick={() => p.onMove(index + 1)} disabled={index === p.count - 1}>
              <span aria-hidden="true">↓</span> {t('recorder.step.moveDown')}
            </Button>
            <Button variant="danger" onClick={p.onDelete}>
              {t('recorder.step.delete')}
            </Button>
          </div>
        </div>
      ) : null}
    </li>
  );
}

type Rect = Step['blurRects'][number];

/** Drag rectangles over the screenshot to blur them; click a new one to remove it. */
function BlurEditor({ url, rects, locked, onChange, onDone }: { url: string; rects: Rect[]; locked: number; onChange(r: Rect[]): void; onDone(): void }) {
  const t = useT();
  const box = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ x0: number; y0: number; x1: number; y1: number }>();
  const pos = (e: ReactPointerEvent) => {
    const r = box.current!.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (e.clientX - r.left) / r.width)), y: Math.min(1, Math.max(0, (e.clientY - r.top) / r.height)) };
  };
  const norm = (d: { x0: number; y0: number; x1: number; y1: number }): Rect => ({
    x: Math.min(d.x0, d.x1),
    y: Math.min(d.y0, d.y1),
    w: Math.abs(d.x1 - d.x0),
    h: Math.abs(d.y1 - d.y0),
  });
  return (
    <div className="ed-blur-editor">
      <p className="ed-hint">{t('recorder.step.blur.hint')}</p>
      <div
        ref={box}
        className="ed-step__shot ed-step__shot--drawing"
        data-testid="blur-canvas"
        onPointerDown={(e) => {
          if ((e.target as HTMLElement).closest('button')) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const p0 = pos(e);
          setDrag({ x0: p0.x, y0: p0.y, x1: p0.x, y1: p0.y });
        }}
        onPointerMove={(e) => {
          if (!drag) return;
          const p1 = pos(e);
          setDrag({ ...drag, x1: p1.x, y1: p1.y });
        }}
        onPointerUp={() => {
          if (drag) {
            const r = norm(drag);
            if (r.w > 0.01 && r.h > 0.01 && rects.length < 20) onChange([...rects, r]);
          }
          setDrag(undefined);
        }}
      >
        <img src={url} alt="" draggable={false} />
        {rects.map((r, i) =>
          i < locked ? (
            <span key={i} className="ed-blur ed-blur--shown" style={{ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` }} />
          ) : (
            <button
              key={i}
              type="button"
              className="ed-blur"
              aria-label={t('recorder.step.blur.remove', { n: i + 1 })}
              style={{ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` }}
              onClick={() => onChange(rects.filter((_, j) => j !== i))}
            />
          ),
        )}
        {drag ? (
          <span
            className="ed-blur ed-blur--drawing"
            style={{
              left: `${norm(drag).x * 100}%`,
              top: `${norm(drag).y * 100}%`,
              width: `${norm(drag).w * 100}%`,
              height: `${norm(drag).h * 100}%`,
            }}
          />
        ) : null}
      </div>
      <div className="ed-step__actions">
        <span className="muted">{t('recorder.step.blur.count', { count: rects.length })}</span>
        <Button variant="primary" onClick={onDone}>
          {t('recorder.step.blur.done')}
        </Button>
      </div>
    </div>
  );
}
