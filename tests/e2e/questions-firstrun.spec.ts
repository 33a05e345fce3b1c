import { mkdirSync } from 'node:fs';
import { test, expect, SHOTS_DIR } from './fixtures';
import { expectAccessible, shot } from './questions-helpers';

mkdirSync(SHOTS_DIR, { recursive: true });
test.use({ onboarded: false });

const stored = (page: import('@playwright/test').Page) =>
  page.evaluate(async () => {
    const db = globalThis.lotseTest!.db;
    const meetings = await db.meetings.orderBy('scheduledAt').toArray();
    return {
      tandems: await db.tandems.toArray(),
      meetings: meetings.map((m) => ({
        at: m.scheduledAt,
        day: new Date(m.scheduledAt).getDay(),
        hm: new Date(m.scheduledAt).toTimeString().slice(0, 5),
        min: m.durationMinutes,
      })),
      settings: await globalThis.lotseTest!.getSettings(),
    };
  });

test('first run sets up a tandem in English: role, names, meetings, confidentiality', async ({ sidepanel }) => {
  const panel = await sidepanel.openFor();
  await sidepanel.setLocale('en');
  await expect(panel.getByRole('heading', { level: 1, name: 'Welcome to Lotse' })).toBeVisible();
  await expect(panel.getByText('Step 1 of 4')).toBeVisible();
  await expectAccessible(panel);
  await shot(panel, 'questions-firstrun-role-en.png');

  // a role is required
  await panel.getByRole('button', { name: 'Continue' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Please choose your role.');
  await panel.getByRole('radio', { name: /I am the mentee/ }).check();
  await panel.getByRole('button', { name: 'Continue' }).click();

  await expect(panel.getByRole('heading', { level: 1, name: 'Your names' })).toBeFocused();
  await panel.getByLabel('Your first name (optional)').fill('Klaus');
  await panel.getByLabel('First name of your mentor (optional)').fill('Lea');
  await panel.getByRole('button', { name: 'Continue' }).click();

  await expect(panel.getByRole('heading', { level: 1, name: 'Your meetings' })).toBeVisible();
  await panel.getByLabel('Program starts').fill('2030-01-01');
  await panel.getByLabel('Program ends').fill('2029-06-30');
  await expect(panel.getByRole('alert')).toHaveText('The end must be after the start.');
  await panel.getByLabel('Program ends').fill('2030-06-30');
  await panel.getByLabel('We meet').selectOption('monthly');
  await panel.getByLabel('On', { exact: true }).selectOption({ label: 'Tuesday' });
  await panel.getByLabel('At', { exact: true }).fill('16:30');
  await panel.getByLabel('For', { exact: true }).selectOption('60');
  // 1 Jan 2030 is a Tuesday: the first Tuesday of each month until June → 6 meetings
  await expect(panel.locator('.q-preview')).toHaveText(
    'First meeting: Tuesday, 1 January 2030 at 16:30. Meetings planned: 6.',
  );
  await expectAccessible(panel);
  await shot(panel, 'questions-firstrun-meetings-en.png');
  await panel.getByRole('button', { name: 'Continue' }).click();

  await expect(panel.getByRole('heading', { level: 1, name: 'Your confidentiality agreement' })).toBeVisible();
  await expect(panel.getByText('Everything we talk about in our meetings stays between the two of us.')).toBeVisible();
  await panel.getByRole('button', { name: 'Finish setup' }).click();
  await expect(panel.getByRole('alert')).toHaveText('Please confirm the agreement.');
  await expect(await stored(panel)).toMatchObject({ tandems: [] });
  await panel.getByLabel('We have read this agreement and we keep to it.').check();
  await expectAccessible(panel);
  await shot(panel, 'questions-firstrun-agreement-en.png');
  await panel.getByRole('button', { name: 'Finish setup' }).click();

  await expect(panel.getByRole('navigation')).toBeVisible();
  const s = await stored(panel);
  expect(s.settings.onboarded).toBe(true);
  expect(s.tandems).toHaveLength(1);
  expect(s.tandems[0]).toMatchObject({
    role: 'mentee',
    myName: 'Klaus',
    partnerName: 'Lea',
    programStart: '2030-01-01',
    programEnd: '2030-06-30',
    rhythm: { every: 'monthly', durationMinutes: 60, weekday: 2, time: '16:30' },
  });
  expect(s.tandems[0]!.confidentiality.text).toContain('stays between the two of us');
  expect(s.tandems[0]!.confidentiality.acknowledgedAt).toBeTruthy();
  expect(s.meetings).toHaveLength(6);
  expect(s.meetings.every((m) => m.day === 2 && m.hm === '16:30' && m.min === 60)).toBe(true);

  // everything is editable later in Settings
  await sidepanel.goTo('Settings');
  await expect(panel.getByRole('heading', { name: 'Your tandem' })).toBeVisible();
  await expect(panel.getByLabel('Your first name (optional)')).toHaveValue('Klaus');
  await panel.getByLabel('We meet').selectOption('biweekly');
  await panel.getByRole('button', { name: 'Save changes' }).click();
  await expect(panel.getByText('Saved', { exact: true })).toBeVisible();
  const after = await stored(panel);
  expect(after.tandems[0]!.rhythm.every).toBe('biweekly');
  expect(after.meetings.length).toBeGreaterThan(6);
  await expectAccessible(panel);
  await shot(panel, 'questions-tandem-settings-en.png');
});

test('first run in German, switched on the first screen; “later” skips it', async ({ sidepanel }) => {
  const panel = await sidepanel.openFor();
  await sidepanel.setLocale('en');
  await expect(panel.getByRole('heading', { level: 1, name: 'Welcome to Lotse' })).toBeVisible();
  await panel.getByRole('button', { name: 'Deutsch' }).click();
  await expect(panel.getByRole('heading', { level: 1, name: 'Willkommen bei Lotse' })).toBeVisible();
  await expect(panel.locator('html')).toHaveAttribute('lang', 'de');
  await shot(panel, 'questions-firstrun-role-de.png');
  await panel.getByRole('radio', { name: /Ich bin Mentor/ }).check();
  await panel.getByRole('button', { name: 'Weiter' }).click();
  await panel.getByLabel('Ihr Vorname (freiwillig)').fill('Lea');
  await panel.getByLabel('Vorname Ihres Mentees (freiwillig)').fill('Klaus');
  await panel.getByRole('button', { name: 'Weiter' }).click();
  await expect(panel.getByRole('heading', { level: 1, name: 'Ihre Treffen' })).toBeVisible();
  await panel.getByLabel('Programm beginnt').fill('2030-03-04');
  await panel.getByLabel('Programm endet').fill('2030-12-31');
  await panel.getByLabel('Am', { exact: true }).selectOption({ label: 'Donnerstag' });
  await expect(panel.locator('.q-preview')).toContainText(
    'Erstes Treffen: Donnerstag, 7. März 2030 um 16:00 Uhr. Geplante Treffen: 10.',
  );
  await shot(panel, 'questions-firstrun-meetings-de.png');
  await panel.getByRole('button', { name: 'Weiter' }).click();
  await expect(panel.getByText('Alles, was wir in unseren Treffen besprechen, bleibt unter uns beiden.')).toBeVisible();
  await panel.getByLabel('Wir haben diese Vereinbarung gelesen und halten uns daran.').check();
  await expectAccessible(panel);
  await shot(panel, 'questions-firstrun-agreement-de.png');
  await panel.getByRole('button', { name: 'Einrichtung abschließen' }).click();
  await expect(panel.getByRole('navigation')).toContainText('Treffen');
  const s = await stored(panel);
  expect(s.tandems[0]).toMatchObject({ role: 'mentor', myName: 'Lea', partnerName: 'Klaus', rhythm: { weekday: 4 } });
  expect(s.tandems[0]!.confidentiality.text).toContain('bleibt unter uns beiden');
  expect(s.meetings).toHaveLength(10);
  expect(s.settings.onboarded).toBe(true);

  // a fresh profile can postpone the setup; the meetings section then offers it
  await panel.evaluate(async () => {
    await globalThis.lotseTest!.db.tandems.clear();
    await globalThis.lotseTest!.db.meetings.clear();
    await globalThis.lotseTest!.updateSettings({ onboarded: false });
  });
  await panel.reload();
  await expect(panel.getByRole('heading', { level: 1, name: 'Willkommen bei Lotse' })).toBeVisible();
  await panel.getByRole('button', { name: 'Später einrichten' }).click();
  await sidepanel.goTo('Treffen');
  await expect(panel.getByRole('heading', { name: 'Keine Treffen geplant' })).toBeVisible();
  await panel.getByRole('button', { name: 'Tandem einrichten' }).click();
  await expect(panel.getByRole('heading', { level: 1, name: 'Willkommen bei Lotse' })).toBeVisible();
});
