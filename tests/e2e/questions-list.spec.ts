import { mkdirSync } from 'node:fs';
import { test, expect, SHOTS_DIR } from './fixtures';
import { expectAccessible, seedTandem, shot } from './questions-helpers';

mkdirSync(SHOTS_DIR, { recursive: true });

test('questions list: thousands of questions, virtualised; search, filter by status and goal, edit, delete', async ({
  sidepanel,
}) => {
  const panel = await sidepanel.openFor(undefined, 'questions');
  await sidepanel.setLocale('en');
  const s = await seedTandem(panel, []);
  // 2,000 questions: every 4th resolved, every 5th with the goal, one with a unique word
  await panel.evaluate(async (goalId) => {
    const statuses = ['open', 'discussed', 'open', 'resolved'] as const;
    const t0 = Date.parse('2026-01-01T00:00:00Z');
    const rows = Array.from({ length: 2000 }, (_, i) => ({
      id: crypto.randomUUID(),
      text:
        i === 1234 ? 'How do I change my profile banner (Titelbild)?' : `Question number ${i} about posting and likes`,
      status: statuses[i % 4]!,
      ...(i % 5 === 0 ? { goalId } : {}),
      context: i % 2 ? { url: 'http://127.0.0.1/kontakto/feed', pageTitle: 'Feed | Kontakto' } : {},
      answer: '',
      createdAt: new Date(t0 + i * 60_000).toISOString(),
      updatedAt: new Date(t0 + i * 60_000).toISOString(),
    }));
    await globalThis.lotseTest!.db.questions.bulkAdd(rows);
  }, s.goalId);

  await expect(panel.getByText('2000 questions')).toBeVisible();
  // virtualised: only what is on screen (plus a few) is in the DOM
  const rendered = await panel.locator('.q-list__item').count();
  expect(rendered).toBeGreaterThan(3);
  expect(rendered).toBeLessThan(40);
  // newest first
  await expect(panel.locator('.q-list__item').first()).toContainText('Question number 1999');
  const marks = await panel.evaluate(() => performance.getEntriesByName('lotse:questions:first-content').length);
  expect(marks).toBe(1);
  await expectAccessible(panel);
  await shot(panel, 'questions-list-en.png', false); // the virtual list is thousands of pixels tall

  // scrolling far down renders rows from the end of the list
  await panel.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(panel.locator('.q-list__item').last()).toContainText('Question number 0 ');

  await panel.getByLabel('Status').selectOption('resolved');
  await expect(panel.getByText('500 questions')).toBeVisible();
  await panel.getByLabel('Goal', { exact: true }).selectOption({ label: 'Hashtags' });
  // i % 4 === 3 and i % 5 === 0: i = 15, 35, … → 100
  await expect(panel.getByText('100 questions')).toBeVisible();
  await panel.getByRole('button', { name: 'Show all' }).click();
  await expect(panel.getByText('2000 questions')).toBeVisible();
  await panel.getByLabel('Search').fill('titelbild');
  await expect(panel.getByText('1 question')).toBeVisible();
  await panel.getByLabel('Search').fill('nothing like this');
  await expect(panel.getByText('No question matches.')).toBeVisible();
  await panel.getByLabel('Search').fill('banner profile');

  // open, edit, delete
  await panel.getByRole('button', { name: /How do I change my profile banner/ }).click();
  await expect(panel.getByRole('heading', { name: 'Question', exact: true })).toBeFocused();
  await panel.getByLabel('Your question').fill('How do I change my cover image?');
  await panel.getByRole('radio', { name: 'Resolved – no need to talk about it' }).check();
  await panel.getByLabel('Answer and notes').fill('Profile → camera icon on the banner.');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText('Saved', { exact: true })).toBeVisible();
  const found = await panel.evaluate(async () =>
    (await globalThis.lotseTest!.db.questions.toArray()).find((q) => q.text === 'How do I change my cover image?'),
  );
  expect(found).toMatchObject({ status: 'resolved', answer: 'Profile → camera icon on the banner.' });
  await expectAccessible(panel);
  await panel.getByRole('button', { name: 'Delete' }).click();
  await panel.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
  await expect(panel.getByText('2000 questions')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Show all' }).click();
  await expect(panel.getByText('1999 questions')).toBeVisible();

  // a question typed in the side panel
  await panel.getByRole('button', { name: 'New question' }).click();
  await panel.getByRole('button', { name: 'Save question' }).click();
  await expect(panel.getByText('Please write your question first.')).toBeVisible();
  await panel.getByLabel('Your question').fill('What is a Reel?');
  await panel.getByLabel('Goal (optional)').selectOption({ label: 'Hashtags' });
  await panel.getByRole('button', { name: 'Save question' }).click();
  await expect(panel.getByText('2000 questions')).toBeVisible();
  await expect(panel.locator('.q-list__item').first()).toContainText('What is a Reel?');
  // the next agenda is full (60 questions, the oldest first): a new question waits, open
  await expect(panel.locator('.q-list__item').first()).toContainText('Open');
  const agenda = await panel.evaluate(
    (id) => globalThis.lotseTest!.db.meetings.get(id).then((m) => m!.agenda.map((i) => i.kind)),
    s.meetingIds[0]!,
  );
  expect(agenda.filter((k) => k === 'question')).toHaveLength(60);
  expect(agenda).toContain('step-health');

  // German
  await sidepanel.setLocale('de');
  await expect(panel.getByText('2000 Fragen')).toBeVisible();
  await expectAccessible(panel);
  await shot(panel, 'questions-list-de.png', false);
});

test('goals: create, progress from walkthroughs and questions, link, filter questions by goal', async ({
  sidepanel,
}) => {
  const panel = await sidepanel.openFor(undefined, 'questions');
  await sidepanel.setLocale('en');
  const s = await seedTandem(panel, ['What is a hashtag?', 'Who sees my likes?']);
  await panel.evaluate(
    async ({ s }) => {
      const db = globalThis.lotseTest!.db;
      const now = new Date().toISOString();
      // the seeded walkthrough (linked to "Hashtags") was finished once; the first question was discussed
      await db.progress.put({
        walkthroughId: s.walkthroughId,
        stepIndex: 2,
        status: 'finished',
        playedVersion: 1,
        timesFinished: 1,
        startedAt: now,
        updatedAt: now,
      });
      await db.questions.update(s.questionIds[0]!, { status: 'discussed' });
      await db.walkthroughs.put({
        id: crypto.randomUUID(),
        title: 'Follow a hashtag',
        description: '',
        topic: '',
        startUrl: 'http://127.0.0.1/kontakto/feed',
        language: 'en',
        version: 1,
        status: 'ready',
        origin: 'local',
        createdAt: now,
        updatedAt: now,
      });
    },
    { s },
  );
  await panel.getByRole('tab', { name: 'Goals' }).click();
  const card = panel.locator('.q-goal').filter({ hasText: 'Hashtags' });
  // 1 of 1 walkthroughs + 1 of 1 questions of the goal → 100 %
  await expect(card).toContainText('100 % · 1 of 1 walkthroughs finished · 1 of 1 questions answered');
  await card.getByLabel('Link a walkthrough').selectOption({ label: 'Follow a hashtag' });
  await expect(card).toContainText('67 % · 1 of 2 walkthroughs finished');
  await expect(card.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '67');

  await panel.getByRole('button', { name: 'New goal' }).click();
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(panel.getByText('Please name the goal.')).toBeVisible();
  await panel.getByLabel('Goal', { exact: true }).fill('Create a LinkedIn profile');
  await panel.getByLabel('Description').fill('Photo, headline, about.');
  await panel.getByLabel('Reach by (optional)').fill('2030-02-01');
  await panel.getByRole('button', { name: 'Save', exact: true }).click();
  const second = panel.locator('.q-goal').filter({ hasText: 'Create a LinkedIn profile' });
  await expect(second).toContainText('Reach by 1 February 2030');
  await second.getByRole('button', { name: 'Move “Create a LinkedIn profile” up' }).click();
  await expect(panel.locator('.q-goal').first()).toContainText('Create a LinkedIn profile');
  await expectAccessible(panel);
  await shot(panel, 'questions-goals-en.png');

  await card.getByRole('button', { name: 'Show questions' }).click();
  await expect(panel.getByRole('tab', { name: 'Questions' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel.getByLabel('Goal', { exact: true })).toHaveValue(s.goalId);
  await expect(panel.getByText('1 question')).toBeVisible();

  await sidepanel.setLocale('de');
  await panel.getByRole('tab', { name: 'Ziele' }).click();
  await expect(panel.locator('.q-goal').last()).toContainText('67 % · 1 von 2 Anleitungen abgeschlossen');
  await shot(panel, 'questions-goals-de.png');
});
