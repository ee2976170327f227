import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { initialsOf, presenceColorFor } from './presenceColors';
import { presenceChange, type PresentPerson } from './presenceStates';

/**
 * Avatars of who else is in the draft (name, organisation, colour), and a polite live region
 * that tells screen-reader users who joins and who leaves.
 */
export function PresenceList({ people }: { people: readonly PresentPerson[] }) {
  const { t } = useTranslation();
  const announcement = usePresenceAnnouncement(people);
  return (
    <section className="atelier-presence" aria-labelledby="presence-title">
      <h2 id="presence-title" className="fr-text--sm fr-text--bold fr-mb-1w">
        {people.length === 0 ? t('presence.alone') : t('presence.title', { count: people.length })}
      </h2>
      {people.length > 0 ? (
        <ul className="atelier-plain-list atelier-avatars">
          {people.map((person) => (
            <li key={person.key} className="atelier-avatar-item">
              <span
                className="atelier-avatar"
                aria-hidden="true"
                style={{ backgroundColor: person.color ?? presenceColorFor(person.key) }}
              >
                {initialsOf(person.name)}
              </span>
              <span className="atelier-avatar-label">
                {person.name}
                {person.organisation ? (
                  <span className="atelier-muted"> · {person.organisation}</span>
                ) : null}
                {person.focusing ? (
                  <span className="fr-sr-only"> {t('presence.inText')}</span>
                ) : null}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="fr-sr-only" aria-live="polite" aria-atomic="true">
        {announcement}
      </p>
    </section>
  );
}

function usePresenceAnnouncement(people: readonly PresentPerson[]): string {
  const { t } = useTranslation();
  const previous = useRef<readonly PresentPerson[] | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const before = previous.current;
    previous.current = people;
    // The first list is what the page shows on arrival, not news.
    if (before === null) return;
    const { joined, left } = presenceChange(before, people);
    const sentences = [
      ...joined.map((person) => t('presence.joined', { name: person.name })),
      ...left.map((person) => t('presence.left', { name: person.name })),
    ];
    if (sentences.length > 0) setAnnouncement(sentences.join(' '));
  }, [people, t]);
  return announcement;
}
