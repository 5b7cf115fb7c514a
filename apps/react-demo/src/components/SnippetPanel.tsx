// "Copy this into your app": the page's snippet in React's idiom, beside the demo on a desktop
// (open from the start) and folded under it on a phone.
import { useEffect, useRef, useState } from 'react';
import { COPIED_MS, TEST_IDS, WIDE_QUERY, copyText, snippetFor, type RouteId } from '@tensile/demo-shared';

export function SnippetPanel({ route }: { route: RouteId }) {
  const snippet = snippetFor('react', route);
  const [open] = useState(() => matchMedia(WIDE_QUERY).matches);
  const [label, setLabel] = useState('Copy');
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  async function copy() {
    setLabel(await copyText(snippet.code));
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setLabel('Copy'), COPIED_MS);
  }
  return (
    <details className="snippet" open={open} data-testid={TEST_IDS.snippet}>
      <summary>Copy this into your app</summary>
      <div className="snippet-head">
        <code>{snippet.file}</code>
        <button type="button" className="button secondary" onClick={() => void copy()}>{label}</button>
      </div>
      <pre className="code" tabIndex={0} aria-label={snippet.file} data-testid={TEST_IDS.snippetCode}>{snippet.code}</pre>
    </details>
  );
}
