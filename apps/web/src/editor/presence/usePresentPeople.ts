import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';

import { presentPeople, type PresentPerson } from './presenceStates';

/** The other people in this draft, following the awareness as it changes. */
export function usePresentPeople(
  awareness: Awareness | null,
  anonymousName: string,
): PresentPerson[] {
  const [people, setPeople] = useState<PresentPerson[]>([]);
  useEffect(() => {
    if (!awareness) return undefined;
    const update = () =>
      setPeople(presentPeople(awareness.getStates() as never, awareness.clientID, anonymousName));
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness, anonymousName]);
  return people;
}
