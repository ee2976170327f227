import type { CommitmentDto } from '@atelier/protocol';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { CollaborativeEditor } from '../../editor/CollaborativeEditor';
import { presenceColorFor } from '../../editor/presence/presenceColors';
import { clearPassageHighlight, revealPassage } from './passageInDom';

/** How long to look for a spotlighted passage while the draft arrives from the server. */
const PASSAGE_SEARCH_MS = 10_000;
const PASSAGE_RETRY_MS = 250;

export interface SpotlightDraftProps {
  /** From the screen's list of commitments (the session's own, for guests). */
  readonly commitment: Pick<CommitmentDto, 'id' | 'docName'>;
  readonly passageQuote: string | null;
  readonly participantId: string;
  readonly displayName: string;
  /** Signed-in participants keep an offline copy and may comment (when their role allows). */
  readonly signedIn: boolean;
  readonly mayComment: boolean;
  /**
   * Members and facilitators see the draft's comments; guests and people who joined by code
   * read the draft alone (the consultation's comments are not theirs to read).
   */
  readonly showComments: boolean;
}

/**
 * A commitment's draft inside the participant view: the same live editor as the editor page
 * (loaded with this module, on demand), scrolled to the spotlighted passage when there is one.
 */
export function SpotlightDraft(props: SpotlightDraftProps) {
  const { id, docName } = props.commitment;
  return (
    <>
      <CollaborativeEditor
        key={docName}
        docName={docName}
        userName={props.displayName}
        color={presenceColorFor(props.participantId)}
        persistOffline={props.signedIn}
        comments={
          props.showComments
            ? {
                commitmentId: id,
                canComment: props.signedIn && props.mayComment,
                canModerate: false,
              }
            : null
        }
      />
      {props.passageQuote ? <PassageFinder quote={props.passageQuote} docName={docName} /> : null}
    </>
  );
}

function PassageFinder({ quote, docName }: { quote: string; docName: string }) {
  const { t } = useTranslation();
  const notFound = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const smooth = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const deadline = Date.now() + PASSAGE_SEARCH_MS;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const attempt = () => {
      const root = document.getElementById('draft-text');
      const found = root ? revealPassage(root, quote, smooth) : false;
      if (found) {
        if (notFound.current) notFound.current.hidden = true;
      } else if (Date.now() < deadline) {
        timer = setTimeout(attempt, PASSAGE_RETRY_MS);
      } else if (notFound.current) {
        notFound.current.hidden = false;
      }
    };
    attempt();
    return () => {
      clearTimeout(timer);
      clearPassageHighlight();
    };
  }, [quote, docName]);
  return (
    <p ref={notFound} hidden className="fr-text--sm atelier-muted">
      {t('forum.spotlight.passageNotFound', { quote })}
    </p>
  );
}
