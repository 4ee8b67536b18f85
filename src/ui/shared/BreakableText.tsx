/**
 * Framework texts join words with slashes ("processes/policies/strategies"); in a narrow table
 * column such a run would be cut mid-word. A <wbr> after each slash lets it wrap there instead,
 * without putting invisible characters into copied text.
 */
import { Fragment } from 'preact';

export function BreakableText({ text }: { readonly text: string }) {
  const parts = text.split('/');
  return (
    <>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {part}
          {index < parts.length - 1 && (
            <>
              /<wbr />
            </>
          )}
        </Fragment>
      ))}
    </>
  );
}
