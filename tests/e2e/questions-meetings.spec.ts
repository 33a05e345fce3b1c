import { mkdirSync, readFileSync } from 'node:fs';
import ICAL from 'ical.js';
import { test, expect, SHOTS_DIR } from './fixtures';
import { expectAccessible, seedTandem, shot } from './questions-helpers';

mkdirSync(SHOTS_DIR, { recursive: true });

test('agenda from open questions and a broken step → meeting with notes and an action item → minutes; the rest carries over', async ({
  sidepanel,
  openExtensionPage,
}) => {
  const panel = await sidepanel.openFor(undefined, 'meetings');
  await sidepanel.setLocale('en');
  const s = await seedTandem(panel, ['What is a hashtag?', 'Who can see my likes?']);

  // the next meeting: its agenda was built from the open questions (grouped by goal) and the broken step
  await expect(panel.getByRole('heading', { level: 2, name: /^\w+day, \d+ \w+ \d{4}$/ })).toBeVisible();
  await expect(panel.getByText('Points on the agenda: 3 · of them questions: 2')).toBeVisible();
  await expectAccessible(panel);
  await panel.getByRole('button', { name: 'Open the agenda' }).click();
  const items = panel.locator('.q-agenda__item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(0)).toContainText('What is a hashtag?');
  await expect(items.nth(0)).toContainText('Goal: Hashtags');
  await expect(items.nth(1)).toContainText('Who can see my likes?');
  await expect(items.nth(2)).toContainText('Step did not work');
  await expect(items.nth(2)).toContainText('Write a post › 3. Click “Post”');
  await expect(items.nth(2)).toContainText('Lotse could not find the place on the page');
  const stored = await panel.evaluate(async (ids) => {
    const db = globalThis.lotseTest!.db;
    return (await db.questions.bulkGet(ids)).map((q) => [q!.status, q!.meetingId]);
  }, s.questionIds);
  expect(stored).toEqual([
    ['agenda', s.meetingIds[0]],
    ['agenda', s.meetingIds[0]],
  ]);

  // reorder (button and keyboard drag), add a point, remove it again
  await panel.getByRole('button', { name: 'Move “Who can see my likes?” up' }).click();
  await expect(items.nth(0)).toContainText('Who can see my likes?');
  const handle = panel.getByRole('button', { name: /^Move “Who can see my likes\?” \(drag/ });
  await handle.focus();
  // dnd-kit's keyboard sensor, step by step, as its live region announces each move
  await panel.keyboard.press('Space');
  // picked up: "Picked up … at position 1." is followed at once by "… is now at position 1."
  await expect(panel.getByText(/“Who can see my likes\?” (at|is now at) position 1\./)).toBeAttached();
  await panel.keyboard.press('ArrowDown');
  await expect(panel.getByText('“Who can see my likes?” is now at position 2.')).toBeAttached();
  await panel.keyboard.press('Space');
  await expect(panel.getByText('“Who can see my likes?” was moved to position 2.')).toBeAttached();
  await expect(items.nth(0)).toContainText('What is a hashtag?');
  await expect(items.nth(1)).toContainText('Who can see my likes?');
  await panel.getByLabel('Add a point').fill('What should I post next?');
  await panel.getByRole('button', { name: 'Add', exact: true }).click();
  await expect(items).toHaveCount(4);
  await panel.getByRole('button', { name: 'Remove “What should I post next?” from this agenda' }).click();
  await expect(items).toHaveCount(3);
  await expectAccessible(panel);
  await shot(panel, 'questions-agenda-en.png');

  // the printed agenda
  const printAgenda = await openExtensionPage(`meeting-print.html?meeting=${s.meetingIds[0]}&view=agenda`);
  await expect(printAgenda.locator('[data-print-ready="agenda"]')).toBeVisible();
  await expect(printAgenda.getByRole('heading', { level: 1, name: 'Agenda' })).toBeVisible();
  await expect(printAgenda.locator('.q-doc__items li')).toHaveCount(3);
  await expect(printAgenda.getByText('Mentor (Lea) · Mentee (Klaus)')).toBeVisible();
  await printAgenda.emulateMedia({ media: 'print' });
  await expect(printAgenda.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  const pdf = await printAgenda.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5000);
  await shot(printAgenda, 'questions-print-agenda-en.png');
  await printAgenda.close();

  // during the meeting: discuss the first question with notes, agree on an action item
  await panel.getByRole('button', { name: 'Start the meeting' }).click();
  await expect(panel.getByText('Meeting in progress')).toBeVisible();
  const first = items.filter({ hasText: 'What is a hashtag?' });
  await first.getByLabel('Discussed').check();
  await first.getByLabel('Notes on “What is a hashtag?”').fill('A word with # in front groups posts by topic.');
  await panel.getByLabel('Who', { exact: true }).selectOption('mentor');
  await panel.getByLabel('Does what').fill('Record a walkthrough for hashtags');
  await panel.getByRole('button', { name: 'Add agreement' }).click();
  await expect(panel.locator('.q-actions')).toContainText('Mentor (Lea): Record a walkthrough for hashtags');
  await expect(panel.getByLabel('Does what')).toHaveValue('');
  await panel.getByLabel('Notes of the meeting').fill('Good progress.');
  await panel.getByLabel('Notes of the meeting').blur();
  await expectAccessible(panel);
  await shot(panel, 'questions-meeting-running-en.png');
  await panel.getByRole('button', { name: 'Finish the meeting and write the minutes' }).click();
  await expect(
    panel.getByText('Not discussed: 2. These points move to the next meeting. Finish the meeting?'),
  ).toBeVisible();
  await panel.getByRole('button', { name: 'Finish the meeting', exact: true }).click();

  // minutes
  await expect(panel.getByRole('heading', { level: 2, name: /^Minutes of / })).toBeVisible();
  const minutes = panel.locator('.q-doc');
  await expect(minutes).toContainText('What we discussed');
  await expect(minutes).toContainText('What is a hashtag?');
  await expect(minutes).toContainText('A word with # in front groups posts by topic.');
  await expect(minutes).toContainText('Mentor (Lea): Record a walkthrough for hashtags');
  await expect(minutes).toContainText(/Not discussed – moved to \w+day/);
  await expect(minutes).toContainText('Who can see my likes?');
  await expect(minutes).toContainText('Good progress.');
  await expectAccessible(panel);
  await shot(panel, 'questions-minutes-en.png');

  const after = await panel.evaluate(
    async ({ ids, meetings }) => {
      const db = globalThis.lotseTest!.db;
      const qs = await db.questions.bulkGet(ids);
      const [m1, m2] = await db.meetings.bulkGet(meetings);
      return {
        qs: qs.map((q) => [q!.status, q!.meetingId, q!.answer]),
        m1: m1!.status,
        m2agenda: m2!.agenda.map((i) => i.refId ?? i.title),
      };
    },
    { ids: s.questionIds, meetings: s.meetingIds },
  );
  expect(after.m1).toBe('held');
  expect(after.qs[0]).toEqual(['discussed', s.meetingIds[0], 'A word with # in front groups posts by topic.']);
  expect(after.qs[1]).toEqual(['agenda', s.meetingIds[1], '']);
  expect(after.m2agenda).toEqual([s.questionIds[1], s.stepHealthId]);

  // printed minutes
  const printMinutes = await openExtensionPage(`meeting-print.html?meeting=${s.meetingIds[0]}&view=minutes`);
  await expect(printMinutes.locator('[data-print-ready="minutes"]')).toBeVisible();
  await expect(printMinutes.getByRole('heading', { level: 1, name: 'Minutes' })).toBeVisible();
  await expect(printMinutes.locator('main')).toContainText('A word with # in front groups posts by topic.');
  await expect(printMinutes.locator('main')).toContainText('Record a walkthrough for hashtags');
  await printMinutes.emulateMedia({ media: 'print' });
  expect((await printMinutes.pdf({ format: 'A4' })).subarray(0, 5).toString()).toBe('%PDF-');
  await shot(printMinutes, 'questions-print-minutes-en.png');
  await printMinutes.close();

  // the unresolved question is on the following agenda, marked as coming from last time
  await panel.getByRole('button', { name: 'Back to the meetings' }).click();
  await expect(panel.getByText('Agreed and still open')).toBeVisible();
  await panel.getByRole('button', { name: 'Open the agenda' }).click();
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Who can see my likes?');
  await expect(items.nth(0)).toContainText('From last time');
  await expect(panel.getByRole('heading', { name: 'Agreed and still open' })).toBeVisible();

  // German
  await sidepanel.setLocale('de');
  await expect(panel.getByRole('heading', { level: 3, name: 'Tagesordnung' })).toBeVisible();
  await expect(items.nth(0)).toContainText('Vom letzten Mal');
  await expectAccessible(panel);
  await shot(panel, 'questions-agenda-de.png');
  await panel.getByRole('button', { name: 'Zurück zu den Treffen' }).click();
  await panel.getByRole('button', { name: /Protokoll$/ }).click();
  await expect(panel.getByRole('heading', { level: 2, name: /^Protokoll des Treffens am / })).toBeVisible();
  await expect(panel.locator('.q-doc')).toContainText('Was wir vereinbart haben');
  await shot(panel, 'questions-minutes-de.png');
});

test('the meeting series downloads as an .ics file that a calendar parser reads', async ({ sidepanel }) => {
  const panel = await sidepanel.openFor(undefined, 'meetings');
  await sidepanel.setLocale('de');
  const s = await seedTandem(panel, []);
  await panel.evaluate(
    (id) => globalThis.lotseTest!.db.meetings.update(id, { topic: 'Hashtags verstehen' }),
    s.meetingIds[0]!,
  );
  await shot(panel, 'questions-meetings-de.png');
  const [download] = await Promise.all([
    panel.waitForEvent('download'),
    panel.getByRole('button', { name: 'Für den Kalender herunterladen (.ics)' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('lotse-meetings.ics');
  const text = readFileSync((await download.path())!, 'utf8');
  const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
  const meetings = await panel.evaluate(() => globalThis.lotseTest!.db.meetings.orderBy('scheduledAt').toArray());
  expect(events.map((e) => e.uid)).toEqual(meetings.map((m) => `${m.id}@lotse.invalid`));
  expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(meetings.map((m) => m.scheduledAt));
  expect(events[0]!.summary).toBe('Tandem-Treffen: Hashtags verstehen');
  expect(events[1]!.summary).toBe('Tandem-Treffen');
  expect(events[0]!.duration.toSeconds()).toBe(3600);
  // dates only: nothing confidential leaves Lotse through the calendar
  expect(text).not.toContain('hashtag?');
});
