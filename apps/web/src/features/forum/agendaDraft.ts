/**
 * The agenda being edited in the scheduling form: items with a stable key (React keys and focus
 * follow an item when it moves), moved one step at a time with buttons (keyboard-usable, unlike
 * drag and drop).
 */
export interface AgendaItemDraft {
  readonly key: string;
  readonly title: string;
  readonly durationMinutes: number;
  readonly commitmentId: string | null;
}

export function moveItem<T>(items: readonly T[], from: number, to: number): readonly T[] {
  if (from === to || from < 0 || to < 0 || from >= items.length || to >= items.length) {
    return items;
  }
  const next = [...items];
  const [moved] = next.splice(from, 1);
  next.splice(to, 0, moved as T);
  return next;
}

/** `YYYY-MM-DDTHH:mm` in this browser's time zone, for a datetime-local input. */
export function toLocalInputValue(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const two = (value: number) => String(value).padStart(2, '0');
  return (
    `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}` +
    `T${two(date.getHours())}:${two(date.getMinutes())}`
  );
}

/** The instant a datetime-local value means here, as ISO-8601 UTC; null when incomplete. */
export function fromLocalInputValue(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
