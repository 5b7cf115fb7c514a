// Text from the user, shown in an error message so that what cannot be seen can be read: control
// and format characters (zero-width spaces, bidi overrides, BOM), non-ASCII spaces and line
// separators become \u{...} escapes. A message must not hide, reorder or fake what it quotes.

// Cc controls, Cf format (U+200B..U+200F, U+202A..U+202E, U+2060.., U+FEFF, ...), Zl/Zp
// separators, private use, default-ignorable code points (variation selectors, fillers, the
// combining grapheme joiner), spaces other than U+0020, and lone surrogates (Cs, under the u flag).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cs}\p{Default_Ignorable_Code_Point}\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\uFFFC]/gu;

/** `\u{XXXX}` for one code point (or lone surrogate). */
export function escapeCodePoint(ch: string): string {
  return `\\u{${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}}`;
}

/** `text` with every invisible character written as an escape. */
export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, escapeCodePoint);
}

/** True when `ch` (one code point) would be invisible or misleading in a message. */
export function isInvisible(ch: string): boolean {
  INVISIBLE.lastIndex = 0;
  const found = INVISIBLE.test(ch);
  INVISIBLE.lastIndex = 0;
  return found;
}

/** A whole error message: escapes as above, except the line breaks a message is laid out with. */
export function escapeInvisibleInMessage(message: string): string {
  return message.split('\n').map(escapeInvisible).join('\n');
}
