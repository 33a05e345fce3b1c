import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '~/lib/db';
import { createTranslator, formatDate } from '~/lib/i18n';
import { loadWalkthrough } from '~/lib/recorder/draft';
import type { Step } from '~/lib/schema';
import { Button, LotseMark } from '../ui';
import { useI18n } from '../i18n';
import { useScreenshotUrl } from './screenshots';
import { Icon } from './icons';
import './print.css';

/**
 * The guide for the desk drawer: numbered steps with screenshots, printed or saved as PDF from the
 * browser. Written in the walkthrough's language (it is for the learner), buttons in the UI language.
 */
export function WalkthroughPrint() {
  const { t: ui } = useI18n();
  const id = new URLSearchParams(location.search).get('id') ?? '';
  const data = useLiveQuery(async () => (await loadWalkthrough(getDb(), id)) ?? null, [id]);
  useEffect(() => {
    if (data) document.title = data.walkthrough.title;
  }, [data]);
  if (data === undefined) return <p className="pr-loading">{ui('common.loading')}</p>;
  if (data === null) return <p className="pr-loading">{ui('recorder.print.notFound')}</p>;
  const w = data.walkthrough;
  const t = createTranslator(w.language);
  const minutes = w.estimatedMinutes ?? Math.max(1, Math.ceil(data.steps.length * 0.5));
  return (
    <div className="pr" lang={w.language}>
      <div className="pr-toolbar">
        <Button variant="primary" onClick={() => window.print()}>
          {ui('recorder.print.print')}
        </Button>
      </div>
      <header className="pr-head">
        <div className="pr-brand">
          <LotseMark size={32} />
          <span>Lotse</span>
        </div>
        <h1>{w.title}</h1>
        {w.description ? <p className="pr-desc">{w.description}</p> : null}
        <p className="pr-meta">
          {t('recorder.print.steps', { count: data.steps.length, minutes })}
          {w.topic ? ` · ${w.topic}` : ''}
        </p>
        <p className="pr-meta">{t('recorder.print.startAt', { url: w.startUrl })}</p>
      </header>
      <ol className="pr-steps">
        {data.steps.map((s, i) => (
          <PrintStep key={s.id} step={s} n={i + 1} example={t('recorder.print.example', { value: exampleOf(s) })} />
        ))}
      </ol>
      <footer className="pr-foot">{t('recorder.print.footer', { version: w.version, date: formatDate(w.updatedAt, w.language) })}</footer>
    </div>
  );
}

function exampleOf(s: Step): string {
  return s.action.type === 'input' && s.action.keepValue && !s.action.sensitive ? (s.action.exampleValue ?? '') : '';
}

function PrintStep({ step, n, example }: { step: Step; n: number; example: string }) {
  const shot = useScreenshotUrl(step.screenshotId);
  const hasExample = !!exampleOf(step);
  return (
    <li className={`pr-step${step.action.type === 'tip' ? ' pr-step--tip' : ''}`}>
      <div className="pr-num" aria-hidden="true">
        {step.action.type === 'tip' ? <Icon name="tip" size={24} /> : n}
      </div>
      <div className="pr-body">
        <h2>{step.title}</h2>
        {step.explanation ? <p>{step.explanation}</p> : null}
        {hasExample ? <p className="pr-example">{example}</p> : null}
        {shot ? (
          <div className="pr-shot">
            <img src={shot.url} alt="" width={shot.width} height={shot.height} />
            {step.blurRects.map((r, i) => (
              <span key={i} className="pr-blur" style={{ left: `${r.x * 100}%`, top: `${r.y * 100}%`, width: `${r.w * 100}%`, height: `${r.h * 100}%` }} />
            ))}
          </div>
        ) : null}
      </div>
    </li>
  );
}
