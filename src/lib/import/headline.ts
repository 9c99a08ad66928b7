/**
 * Reads a headline group (the short lines printed above an article) as kicker (引题) / title (主题) /
 * subtitle (副题). Three lines are kicker, title, subtitle. With two lines the first is a kicker when it
 * reads like one (ends with `!`, `?` or `……`), otherwise title and subtitle. `单位: 标题` gives the
 * organisation.
 */
import type { Headline } from './types.ts';
import { matchOrgHeading } from './text-shape.ts';

export function readHeadline(lines: string[]): Headline {
  const orgIndex = lines.findIndex((line) => matchOrgHeading(line));
  if (orgIndex >= 0) {
    const org = matchOrgHeading(lines[orgIndex])!;
    return clean({
      kicker: orgIndex > 0 ? lines.slice(0, orgIndex).join(' ') : undefined,
      title: org.title,
      subtitle: lines.length > orgIndex + 1 ? lines.slice(orgIndex + 1).join(' ') : undefined,
      organisation: org.organisation,
    });
  }
  if (lines.length === 1) return { title: lines[0] };
  if (lines.length === 2) {
    return looksLikeKicker(lines[0]) ? { kicker: lines[0], title: lines[1] } : { title: lines[0], subtitle: lines[1] };
  }
  return clean({ kicker: lines[0], title: lines[1], subtitle: lines.slice(2).join(' ') });
}

function looksLikeKicker(line: string): boolean {
  return /[!！?？]$|…$/.test(line);
}

function clean(headline: Headline): Headline {
  return Object.fromEntries(Object.entries(headline).filter(([, value]) => value !== undefined)) as unknown as Headline;
}
