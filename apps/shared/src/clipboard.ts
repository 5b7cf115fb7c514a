// The copy buttons' one action (the lab's code, the pages' snippets): the label a button shows after.

/** Copies `text`; resolves with 'Copied', or 'Select and copy' without clipboard access (permission or an insecure context). */
export async function copyText(text: string): Promise<'Copied' | 'Select and copy'> {
  try {
    await navigator.clipboard.writeText(text);
    return 'Copied';
  } catch {
    return 'Select and copy';
  }
}

/** How long a copy button shows its result before it says "Copy" again, ms. */
export const COPIED_MS = 1500;
