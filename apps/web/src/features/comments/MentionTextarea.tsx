import type { CommentPersonDto } from '@atelier/protocol';
import { COMMENT_BODY_MAX_CHARS } from '@atelier/domain';
import { useQuery } from '@tanstack/react-query';
import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import { useTranslation } from 'react-i18next';

import { commentsApi } from './commentsApi';
import { useCommentsContext } from './commentsContext';
import { insertMention, mentionQueryAt, type MentionQuery } from './mentions';

/** A comment being written: its text and the people picked from the `@` suggestions. */
export interface CommentDraft {
  readonly body: string;
  readonly picked: readonly CommentPersonDto[];
}

export const EMPTY_DRAFT: CommentDraft = { body: '', picked: [] };

/** Letters typed in a burst give one look-up, not one per key. */
const LOOKUP_DELAY_MS = 150;

function useSettledValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return settled;
}

/**
 * The comment box, with `@` mentions: typing `@` and the start of a name offers the
 * consultation's members in a list under the box (ARIA combobox pattern on a text box: the list
 * is `aria-controls`, the option under the arrows is `aria-activedescendant`, its count is
 * announced politely). Up and Down choose, Enter or Tab insert `@Name `, Escape closes the list.
 */
export function MentionTextarea(props: {
  readonly id: string;
  readonly rows: number;
  readonly draft: CommentDraft;
  readonly onDraftChange: (draft: CommentDraft) => void;
  readonly textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const { id, rows, draft, onDraftChange, textareaRef } = props;
  const { t } = useTranslation();
  const { consultationId } = useCommentsContext();
  const listId = useId();
  const hintId = useId();
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const [activeIndex, setActiveIndex] = useState(0);
  const caretAfterInsert = useRef<number | null>(null);
  const query = useSettledValue(mention?.query ?? null, LOOKUP_DELAY_MS);
  const suggestions = useQuery({
    queryKey: ['consultations', consultationId, 'mentionable', query],
    queryFn: () => commentsApi.mentionable(consultationId ?? '', query ?? ''),
    enabled: query !== null && consultationId !== null,
    staleTime: 30_000,
  });
  const options = mention !== null && dismissedAt !== mention.start ? (suggestions.data ?? []) : [];
  const open = options.length > 0;
  const active = Math.min(activeIndex, Math.max(0, options.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;

  useLayoutEffect(() => {
    const caret = caretAfterInsert.current;
    if (caret === null || textareaRef.current === null) return;
    caretAfterInsert.current = null;
    textareaRef.current.setSelectionRange(caret, caret);
  }, [draft.body, textareaRef]);

  const follow = (text: string, caret: number) => {
    const next = mentionQueryAt(text, caret);
    setMention(next);
    if (next?.start !== mention?.start) setActiveIndex(0);
  };

  const choose = (person: CommentPersonDto) => {
    if (mention === null) return;
    const caret = textareaRef.current?.selectionStart ?? draft.body.length;
    const inserted = insertMention(draft.body, mention, caret, person.displayName);
    caretAfterInsert.current = inserted.caret;
    // The caret lands right after "@Name ", which reads as a mention being typed: not again.
    setDismissedAt(mention.start);
    setMention(null);
    onDraftChange({ body: inserted.text, picked: [...draft.picked, person] });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!open || mention === null) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        setActiveIndex((active + 1) % options.length);
        return;
      case 'ArrowUp':
        event.preventDefault();
        setActiveIndex((active - 1 + options.length) % options.length);
        return;
      case 'Enter':
      case 'Tab': {
        const person = options[active];
        if (person === undefined) return;
        event.preventDefault();
        choose(person);
        return;
      }
      case 'Escape':
        // Closes the list only: the form around stays open.
        event.preventDefault();
        event.stopPropagation();
        setDismissedAt(mention.start);
        return;
    }
  };

  return (
    <div className="atelier-mention-field">
      <textarea
        ref={textareaRef}
        id={id}
        className="fr-input"
        rows={rows}
        maxLength={COMMENT_BODY_MAX_CHARS}
        required
        value={draft.body}
        aria-describedby={consultationId !== null ? hintId : undefined}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
        onChange={(event) => {
          onDraftChange({ ...draft, body: event.target.value });
          follow(event.target.value, event.target.selectionStart);
        }}
        onSelect={(event) => follow(event.currentTarget.value, event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        onBlur={() => setMention(null)}
      />
      {consultationId !== null ? (
        <p id={hintId} className="fr-hint-text fr-mt-1v">
          {t('comments.mentions.hint')}
        </p>
      ) : null}
      {open ? (
        <ul
          id={listId}
          role="listbox"
          className="atelier-mentions"
          aria-label={t('comments.mentions.listLabel')}
        >
          {options.map((person, index) => (
            <li
              key={person.userId}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="atelier-mentions__option"
              // A click keeps the focus (and the caret) in the text box.
              onMouseDown={(event) => {
                event.preventDefault();
                choose(person);
              }}
            >
              {person.displayName}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="fr-sr-only" aria-live="polite">
        {open ? t('comments.mentions.available', { count: options.length }) : ''}
      </p>
    </div>
  );
}
