/**
 * Preview templates: a case and an issue laid out with the classes of the site's pages (src/pages/cases/[id].astro),
 * so the preview pane uses the site's typography.
 */
import { createElement as h, type ReactNode } from 'react';

interface PreviewProps {
  entry: { getIn(path: string[]): unknown };
  widgetFor(name: string): ReactNode;
}

const text = (props: PreviewProps, ...path: string[]) => {
  const value = props.entry.getIn(['data', ...path]);
  return typeof value === 'string' ? value : value == null ? '' : String(value);
};

function header(props: PreviewProps, lines: ReactNode[]) {
  return h(
    'header',
    { className: 'article-header' },
    text(props, 'kicker') ? h('p', { className: 'kicker' }, text(props, 'kicker')) : null,
    h('h1', null, text(props, 'title') || '（标题）'),
    text(props, 'subtitle') ? h('p', { className: 'subtitle' }, text(props, 'subtitle')) : null,
    ...lines,
  );
}

function editorNote(props: PreviewProps) {
  return text(props, 'editorNote')
    ? h('aside', { className: 'editor-note' }, h('p', null, h('strong', { className: 'editor-note-label' }, '编者按：'), text(props, 'editorNote')))
    : null;
}

export function CasePreview(props: PreviewProps) {
  const byline = [text(props, 'organisation'), text(props, 'byline'), text(props, 'date')].filter(Boolean);
  return h(
    'article',
    { className: 'article desk-preview' },
    header(props, [h('p', { className: 'byline', key: 'byline' }, byline.map((part, i) => h('span', { key: i }, part)))]),
    editorNote(props),
    h('div', { className: 'article-body' }, props.widgetFor('body')),
  );
}

export function IssuePreview(props: PreviewProps) {
  const series = [text(props, 'series', 'name'), text(props, 'series', 'part')].filter(Boolean).join(' · ');
  const cases = props.entry.getIn(['data', 'cases']) as { toJS?: () => string[] } | undefined;
  const ids = cases?.toJS?.() ?? [];
  return h(
    'article',
    { className: 'article desk-preview' },
    header(props, series ? [h('p', { className: 'byline', key: 'series' }, series)] : []),
    editorNote(props),
    h('ol', null, ids.map((id) => h('li', { key: id }, id))),
  );
}
