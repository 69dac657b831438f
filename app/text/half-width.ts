// `half=1`: full-width ASCII forms (ＡＢＣ１２３（），：) to their ASCII selves. CJK characters and
// CJK punctuation outside that block (、。「」) are left alone: they have no half-width twin.

/** U+FF01..U+FF5E are ASCII U+0021..U+007E shifted by 0xFEE0. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}
