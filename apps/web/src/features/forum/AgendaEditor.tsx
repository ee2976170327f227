import { FORUM_LIMITS } from '@atelier/domain';
import type { CommitmentDto } from '@atelier/protocol';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { displayTitle } from '../commitments/commitmentView';
import { moveItem, type AgendaItemDraft } from './agendaDraft';

let nextKey = 1;
export function newAgendaItem(): AgendaItemDraft {
  return { key: `new-${nextKey++}`, title: '', durationMinutes: 15, commitmentId: null };
}

/**
 * The agenda's items, each with a title, a duration and a commitment (or none), added, removed
 * and reordered with buttons. After a move the focus stays on the button just used, on the item
 * at its new place, and the new position is announced.
 */
export function AgendaEditor({
  items,
  onChange,
  commitments,
  titleErrors,
}: {
  items: readonly AgendaItemDraft[];
  onChange: (items: readonly AgendaItemDraft[]) => void;
  commitments: readonly CommitmentDto[];
  /** Keys of items whose title is missing (after a submit). */
  titleErrors: ReadonlySet<string>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  /** Where the focus goes once the list has re-rendered after a move, an addition or a removal. */
  const focusAfterChange = useRef<string | null>(null);
  const containerRef = useRef<HTMLFieldSetElement>(null);

  useEffect(() => {
    const key = focusAfterChange.current;
    if (!key) return;
    focusAfterChange.current = null;
    containerRef.current?.querySelector<HTMLElement>(`[data-focus-key="${key}"]`)?.focus();
  }, [items]);

  const update = (key: string, changes: Partial<AgendaItemDraft>) =>
    onChange(items.map((item) => (item.key === key ? { ...item, ...changes } : item)));
  const move = (index: number, to: number, direction: 'up' | 'down') => {
    const item = items[index];
    if (!item) return;
    onChange(moveItem(items, index, to));
    const target =
      to === 0 || to === items.length - 1 ? (direction === 'up' ? 'down' : 'up') : direction;
    focusAfterChange.current = `${item.key}-${target}`;
    setAnnouncement(
      t('forum.agenda.moved', {
        title: item.title || t('forum.agenda.untitled'),
        position: to + 1,
      }),
    );
  };
  const remove = (index: number) => {
    const item = items[index];
    if (!item) return;
    onChange(items.filter((other) => other.key !== item.key));
    setAnnouncement(t('forum.agenda.removed', { title: item.title || t('forum.agenda.untitled') }));
    const neighbour = items[index + 1] ?? items[index - 1];
    focusAfterChange.current = neighbour ? `${neighbour.key}-title` : 'add';
  };
  const add = () => {
    const item = newAgendaItem();
    onChange([...items, item]);
    focusAfterChange.current = `${item.key}-title`;
  };

  return (
    <fieldset className="fr-fieldset" aria-describedby={`${id}-hint`} ref={containerRef}>
      <legend className="fr-fieldset__legend">
        {t('forum.agenda.title')}
        <span id={`${id}-hint`} className="fr-hint-text">
          {t('forum.agenda.hint')}
        </span>
      </legend>
      <p className="fr-sr-only" aria-live="polite">
        {announcement}
      </p>
      <ol className="atelier-agenda-editor">
        {items.map((item, index) => {
          const itemLabel = t('forum.agenda.itemLabel', { number: index + 1 });
          const titleMissing = titleErrors.has(item.key);
          return (
            <li key={item.key} className="atelier-agenda-editor__item">
              <fieldset className="fr-fieldset fr-mb-0">
                <legend className="fr-fieldset__legend fr-text--bold">{itemLabel}</legend>
                <div className="fr-fieldset__element">
                  <div className={`fr-input-group${titleMissing ? ' fr-input-group--error' : ''}`}>
                    <label className="fr-label" htmlFor={`${id}-${item.key}-title`}>
                      {t('forum.agenda.itemTitle')}
                    </label>
                    <input
                      id={`${id}-${item.key}-title`}
                      data-focus-key={`${item.key}-title`}
                      className={`fr-input${titleMissing ? ' fr-input--error' : ''}`}
                      maxLength={FORUM_LIMITS.titleMax}
                      value={item.title}
                      aria-invalid={titleMissing || undefined}
                      aria-describedby={titleMissing ? `${id}-${item.key}-title-error` : undefined}
                      onChange={(event) => update(item.key, { title: event.target.value })}
                    />
                    {titleMissing ? (
                      <p id={`${id}-${item.key}-title-error`} className="fr-error-text">
                        {t('forms.required')}
                      </p>
                    ) : null}
                  </div>
                </div>
                <div className="fr-fieldset__element fr-fieldset__element--inline">
                  <div className="fr-input-group">
                    <label className="fr-label" htmlFor={`${id}-${item.key}-minutes`}>
                      {t('forum.agenda.duration')}
                    </label>
                    <input
                      id={`${id}-${item.key}-minutes`}
                      className="fr-input"
                      type="number"
                      min={1}
                      max={FORUM_LIMITS.itemMinutesMax}
                      value={item.durationMinutes}
                      onChange={(event) =>
                        update(item.key, {
                          durationMinutes: Math.min(
                            FORUM_LIMITS.itemMinutesMax,
                            Math.max(1, Math.round(Number(event.target.value)) || 1),
                          ),
                        })
                      }
                    />
                  </div>
                </div>
                <div className="fr-fieldset__element fr-fieldset__element--inline">
                  <div className="fr-select-group">
                    <label className="fr-label" htmlFor={`${id}-${item.key}-commitment`}>
                      {t('forum.agenda.commitment')}
                    </label>
                    <select
                      id={`${id}-${item.key}-commitment`}
                      className="fr-select"
                      value={item.commitmentId ?? ''}
                      onChange={(event) =>
                        update(item.key, { commitmentId: event.target.value || null })
                      }
                    >
                      <option value="">{t('forum.agenda.free')}</option>
                      {commitments.map((commitment) => (
                        <option key={commitment.id} value={commitment.id}>
                          {commitment.number}. {displayTitle(commitment)}
                        </option>
                      ))}
                    </select>
                  </div>
                </div>
                <ul className="fr-btns-group fr-btns-group--inline-sm">
                  <li>
                    <button
                      type="button"
                      className="fr-btn fr-btn--tertiary"
                      data-focus-key={`${item.key}-up`}
                      disabled={index === 0}
                      onClick={() => move(index, index - 1, 'up')}
                    >
                      {t('forum.agenda.moveUp', { number: index + 1 })}
                    </button>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="fr-btn fr-btn--tertiary"
                      data-focus-key={`${item.key}-down`}
                      disabled={index === items.length - 1}
                      onClick={() => move(index, index + 1, 'down')}
                    >
                      {t('forum.agenda.moveDown', { number: index + 1 })}
                    </button>
                  </li>
                  <li>
                    <button
                      type="button"
                      className="fr-btn fr-btn--tertiary"
                      onClick={() => remove(index)}
                    >
                      {t('forum.agenda.remove', { number: index + 1 })}
                    </button>
                  </li>
                </ul>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="fr-btn fr-btn--secondary"
        data-focus-key="add"
        disabled={items.length >= FORUM_LIMITS.agendaItemsMax}
        onClick={add}
      >
        {t('forum.agenda.add')}
      </button>
    </fieldset>
  );
}
