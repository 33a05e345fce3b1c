import type { RecorderStatus } from '~/lib/messages/parts/recorder';
import { errorMessageKey } from '~/lib/messages/errors';
import { useT } from '../i18n';
import { Notice } from '../ui';
import type { RecorderProblem } from './useRecorder';

export function RecordDot() {
  return <span className="rec__dot" aria-hidden="true" />;
}

/** "Recording – 3 steps so far", with a pulsing dot. */
export function RecordingStatusLine({ status, otherTab }: { status: RecorderStatus; otherTab?: boolean }) {
  const t = useT();
  return (
    <p className={`rec__status${status.paused ? ' rec__status--paused' : ''}`} role="status">
      <span className="rec__dot rec__dot--live" aria-hidden="true" />
      <span>
        {status.paused
          ? t('recorder.status.paused', { count: status.stepCount })
          : t('recorder.status.recording', { count: status.stepCount })}
        {otherTab ? <span className="rec__other"> {t('recorder.status.otherTab')}</span> : null}
      </span>
    </p>
  );
}

export function ProblemNotice({ problem }: { problem: RecorderProblem | undefined }) {
  const t = useT();
  if (!problem) return null;
  const text =
    problem.kind === 'refused'
      ? t('recorder.access.refused', { site: problem.site })
      : problem.kind === 'unsupported'
        ? t('recorder.unsupported')
        : problem.kind === 'no-tab'
          ? t('recorder.noTab')
          : t(errorMessageKey(problem.code));
  return <Notice kind={problem.kind === 'refused' ? 'warning' : 'danger'}>{text}</Notice>;
}
