import { defineMessages } from '../define';

// The recording bar and the element picker: the strings the in-page script shows (see lib/i18n/inpage.ts). The
// other strings of the feature stay in ./recorder.ts, which only extension pages and the background load.
export default defineMessages({
  en: {
    'recorder.bar.label': 'Lotse recording',
    'recorder.bar.recording': 'Recording',
    'recorder.bar.paused': 'Paused',
    'recorder.bar.steps': '{count} steps',
    'recorder.bar.steps1': '1 step',
    'recorder.bar.steps0': 'No steps yet',
    'recorder.bar.pause': 'Pause',
    'recorder.bar.resume': 'Resume',
    'recorder.bar.stop': 'Stop',
    'recorder.bar.move': 'Move the bar',
    'recorder.bar.last': 'Last step: {title}',
    'recorder.bar.hint': 'Do the task as usual. Lotse notes each step.',
    'recorder.pick.banner': 'Click the element this step is about.',
    'recorder.pick.cancel': 'Cancel',
    'recorder.step.number': 'Step {n}',
  },
  de: {
    'recorder.bar.label': 'Lotse-Aufnahme',
    'recorder.bar.recording': 'Aufnahme läuft',
    'recorder.bar.paused': 'Pausiert',
    'recorder.bar.steps': '{count} Schritte',
    'recorder.bar.steps1': '1 Schritt',
    'recorder.bar.steps0': 'Noch keine Schritte',
    'recorder.bar.pause': 'Pause',
    'recorder.bar.resume': 'Weiter',
    'recorder.bar.stop': 'Beenden',
    'recorder.bar.move': 'Leiste verschieben',
    'recorder.bar.last': 'Letzter Schritt: {title}',
    'recorder.bar.hint': 'Erledigen Sie die Aufgabe wie gewohnt. Lotse notiert jeden Schritt.',
    'recorder.pick.banner': 'Klicken Sie auf das Element, um das es in diesem Schritt geht.',
    'recorder.pick.cancel': 'Abbrechen',
    'recorder.step.number': 'Schritt {n}',
  },
});
