import type { ReactNode } from 'react';

/**
 * A DSFR table: caption and column headers for screen readers, horizontal scrolling on small
 * screens. Rows are the caller's `<tr>` elements.
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  /** Column headers; null leaves a column out (e.g. actions the person may not take). */
  columns: ReadonlyArray<string | null>;
  children: ReactNode;
}) {
  return (
    <div className="fr-table fr-table--bordered atelier-table">
      <div className="fr-table__wrapper">
        <div className="fr-table__container">
          <div className="fr-table__content">
            <table>
              <caption>{caption}</caption>
              <thead>
                <tr>
                  {columns.map((column, index) =>
                    column === null ? null : (
                      <th scope="col" key={index}>
                        {column}
                      </th>
                    ),
                  )}
                </tr>
              </thead>
              <tbody>{children}</tbody>
            </table>
          </div>
        </div>
      </div>
    </div>
  );
}
