import type { Poll } from '@atelier/domain';
import type { PollResultsPayload } from '@atelier/protocol';
import { useTranslation } from 'react-i18next';

import { resultsChartModel } from './pollResultsModel';

/**
 * A poll's results as horizontal bars, with the same figures in a table: the bars are for the
 * eye (hidden from screen readers), the table is the text alternative and is always shown.
 */
export function PollResultsChart({
  poll,
  results,
  size = 'md',
  headingLevel = 3,
}: {
  poll: Poll;
  results: PollResultsPayload | undefined;
  size?: 'md' | 'xl';
  headingLevel?: 2 | 3 | 4;
}) {
  const { t } = useTranslation();
  const model = resultsChartModel(poll, results);
  const Heading = `h${headingLevel}` as const;
  const unit = poll.kind === 'dots' ? 'dots' : 'votes';
  return (
    <figure className={`atelier-poll-results atelier-poll-results--${size} fr-m-0`}>
      <Heading className={size === 'xl' ? 'fr-h3' : 'fr-h6'}>{poll.question}</Heading>
      <p className="fr-text--sm">
        {t('forum.results.voters', { count: model.voterCount })}
        {poll.status === 'closed' ? ` · ${t('forum.results.closed')}` : ''}
      </p>
      {model.bars === null ? (
        <p>{t('forum.results.hiddenUntilClosed')}</p>
      ) : (
        <>
          <div className="atelier-bars" aria-hidden="true">
            {model.bars.map((bar) => (
              <div className="atelier-bars__row" key={bar.optionId}>
                <span className="atelier-bars__label">{bar.label}</span>
                <svg className="atelier-bars__bar" viewBox="0 0 100 10" preserveAspectRatio="none">
                  <rect width={100} height={10} className="atelier-bars__track" />
                  <rect width={bar.ratioOfMax * 100} height={10} className="atelier-bars__fill" />
                </svg>
                <span className="atelier-bars__value">
                  {bar.count} ({bar.percent} %)
                </span>
              </div>
            ))}
          </div>
          {/* A plain table that wraps on a phone: no scrolling box for keyboard users to reach. */}
          <table className="atelier-forum-table">
            <caption className="fr-text--sm">
              {t('forum.results.tableCaption', { question: poll.question })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('forum.results.option')}</th>
                <th scope="col">{t(`forum.results.${unit}`)}</th>
                <th scope="col">{t('forum.results.share')}</th>
              </tr>
            </thead>
            <tbody>
              {model.bars.map((bar) => (
                <tr key={bar.optionId}>
                  <th scope="row">{bar.label}</th>
                  <td>{bar.count}</td>
                  <td>{bar.percent} %</td>
                </tr>
              ))}
            </tbody>
          </table>
          {results?.voters ? <NamedVoters poll={poll} voters={results.voters} /> : null}
        </>
      )}
    </figure>
  );
}

function NamedVoters({
  poll,
  voters,
}: {
  poll: Poll;
  voters: Readonly<Record<string, readonly string[]>>;
}) {
  const { t } = useTranslation();
  return (
    <ul className="fr-text--sm atelier-plain-list">
      {poll.options.map((option) =>
        (voters[option.id]?.length ?? 0) > 0 ? (
          <li key={option.id}>
            {t('forum.results.namedVoters', {
              option: option.label,
              names: voters[option.id]?.join(', '),
            })}
          </li>
        ) : null,
      )}
    </ul>
  );
}
