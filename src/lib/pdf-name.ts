/**
 * The file name a reader's download of an issue's PDF gets: Chinese, readable in a folder of downloads,
 * e.g. 劳模工匠专版-温州篇-2023.pdf (the A3 sheet: 劳模工匠专版-温州篇-2023-A3.pdf). The stored file stays
 * ASCII (`issues/<id>.pdf`); the `download` attribute of the link carries this name.
 */
export interface PdfNameSource {
  title: string;
  series?: { name?: string; part?: string };
  date: Date;
}

/** Characters no common file system or browser accepts in a file name, and quotes that only clutter it. */
const unsafe = /[\\/:*?"<>|\u0000-\u001f\u007f“”‘’'《》〈〉「」『』]/g;

function namePart(text: string): string {
  return text.replace(unsafe, '').trim().replace(/\s+/g, '-').replace(/-{2,}/g, '-').replace(/^[-.]+|[-.]+$/g, '');
}

export function issuePdfDownloadName(issue: PdfNameSource, size: 'a4' | 'a3' = 'a4'): string {
  const part = namePart(issue.series?.part ?? '') || namePart(issue.title) || '专版';
  const year = String(issue.date.getUTCFullYear());
  return `${['劳模工匠专版', part.slice(0, 40), year].join('-')}${size === 'a3' ? '-A3' : ''}.pdf`;
}
