import { expect, test, type DemoPerson, type Person } from '../fixtures/people';
import { TEMPLATE_SECTIONS } from '../support/workspaceApi';

/** Ten browsers: every demo role, twice (writers, a commenter and an observer). */
const CROWD: readonly DemoPerson[] = [
  'camille',
  'karim',
  'elise',
  'julien',
  'sophie',
  'camille',
  'karim',
  'elise',
  'julien',
  'sophie',
];

test('ten people open a brand-new commitment at the same moment: the template appears once', async ({
  people,
  draft,
}) => {
  test.setTimeout(120_000);
  const crowd: Person[] = [];
  for (const who of CROWD) crowd.push(await people.enter(who));

  // Everyone clicks the link at the same moment.
  await Promise.all(crowd.map((person) => person.editor.open(draft)));

  // Once all have exchanged what they had, every screen shows the same draft…
  await expect
    .poll(async () => new Set(await Promise.all(crowd.map((p) => p.editor.textContent()))).size, {
      timeout: 15_000,
    })
    .toBe(1);

  // …with each template section exactly once, in order.
  for (const person of crowd) {
    await expect(person.editor.allSectionHeadings()).toHaveText([...TEMPLATE_SECTIONS]);
    for (const title of TEMPLATE_SECTIONS) {
      await expect(person.editor.sectionHeadings(title)).toHaveCount(1);
    }
  }

  // A writer's edit reaches all ten, proving they are all live on one document, still with
  // one template; and a late arrival loads the same from the server.
  const [first] = crowd;
  await first!.editor.typeInSection(TEMPLATE_SECTIONS[0], 'Tout le monde est là.');
  for (const person of crowd) {
    await expect(person.editor.sectionBody(TEMPLATE_SECTIONS[0])).toHaveText(
      'Tout le monde est là.',
    );
    await expect(person.editor.allSectionHeadings()).toHaveCount(TEMPLATE_SECTIONS.length);
  }
  const late = await people.enter('karim');
  await late.editor.open(draft);
  await expect(late.editor.allSectionHeadings()).toHaveText([...TEMPLATE_SECTIONS]);
});
