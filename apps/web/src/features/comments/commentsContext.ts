import { createContext, useContext } from 'react';

import type { CommentViewer } from './threadPermissions';

/** What every part of the panel knows: where it is, who reads it, what they may do. */
export interface CommentsContextValue {
  readonly commitmentId: string;
  /** Whose members `@` suggests; null: no suggestions. */
  readonly consultationId: string | null;
  /** Null when signed out. */
  readonly viewer: CommentViewer | null;
  /** Signed in with a role that may comment (commenters included); the server decides. */
  readonly canComment: boolean;
  /** Facilitators hide and restore comments. */
  readonly canModerate: boolean;
  /** Facilitators and lead organisations resolve, reopen and answer threads. */
  readonly canAnswer: boolean;
  /**
   * Selects a thread's passage in the draft and brings it into view; false when the passage is
   * not in the text as shown now. Null when the panel is not beside an editor.
   */
  readonly showPassage: ((threadId: string) => boolean) | null;
  /** A thread got the focus, or was opened from the text: it becomes the active one. */
  readonly onActivateThread: (threadId: string) => void;
}

export const CommentsContext = createContext<CommentsContextValue | null>(null);

export function useCommentsContext(): CommentsContextValue {
  const value = useContext(CommentsContext);
  if (value === null) throw new Error('comment views must be inside a CommentsPanel');
  return value;
}
