/**
 * The MDX parser of the content check: Sätteri, the parser the build itself uses (a native module). In the
 * browser (the editors' desk) `#mdx-parser` resolves to mdx-parser.browser.ts instead (package.json `imports`).
 */
import { mdxToMdast } from 'satteri';

export function parseMdx(text: string): unknown {
  return mdxToMdast(text, { features: { smartPunctuation: false } });
}
