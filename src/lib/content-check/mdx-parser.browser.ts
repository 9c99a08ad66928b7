/**
 * The content check's MDX parser in the browser (the editors' desk), where Sätteri's native module cannot run:
 * micromark with the MDX and GFM extensions — the parser of @mdx-js/mdx, which builds the same mdast (the
 * allow-list is written for both, src/lib/mdx-policy/check-tree.ts). Errors are thrown as Sätteri words them
 * (`line:column: reason`), which is what src/lib/content-check/mdx-body.ts reads. The build still parses with
 * Sätteri and refuses on its own; this is for showing the editor the check's messages before saving.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { gfm } from 'micromark-extension-gfm';
import { mdxjs } from 'micromark-extension-mdxjs';
import { frontmatterPattern } from './parse-source.ts';

export function parseMdx(text: string): unknown {
  // The frontmatter becomes blank lines of the same length, so lines and offsets stay those of the file.
  const frontmatter = frontmatterPattern.exec(text)?.[0] ?? '';
  const markdown = frontmatter.replace(/[^\n]/g, ' ') + text.slice(frontmatter.length);
  try {
    return fromMarkdown(markdown, { extensions: [mdxjs(), gfm()], mdastExtensions: [mdxFromMarkdown(), gfmFromMarkdown()] });
  } catch (error) {
    const place = error as { line?: number; column?: number; reason?: string; message?: string };
    const reason = place.reason ?? place.message ?? String(error);
    throw new Error(place.line ? `${place.line}:${place.column ?? 1}: ${reason}` : reason);
  }
}
