/**
 * The editors' desk (Decap CMS), bundled from npm into /admin/ only: Chinese interface, the site's typography in
 * the preview, and the project's own body components (photo with caption, editor's note). Nothing here loads
 * from another origin; tests/site/desk.test.ts (end-to-end) checks it.
 */
import './node-global.ts';
import CMS from 'decap-cms-app';
import { zh_Hans } from 'decap-cms-locales';
import { createElement as h } from 'react';
import siteCss from '../styles/global.css?raw';
import { bodyComponents, figureComponentId } from '../lib/cms/body-components.ts';
import { dateForPrecision } from '../lib/cms/date-placeholder.ts';
import { deskFormats, newEntryId, newEntryIdField, withoutNewEntryId } from '../lib/cms/new-entry-id.ts';
import { frontmatterYAML } from 'decap-cms-core/dist/esm/formats/frontmatter';
import yamlFormatter from 'decap-cms-core/dist/esm/formats/yaml';
import { deskPhrases } from './phrases.ts';
import { refuseIfCheckFails, registerEntryCheck } from './entry-check.ts';
import { CasePreview, IssuePreview } from './previews.ts';
import previewCss from './preview.css?raw';

CMS.registerLocale('zh_Hans', { ...zh_Hans, ...deskPhrases(zh_Hans) });
CMS.registerPreviewStyle(siteCss, { raw: true });
CMS.registerPreviewStyle(previewCss, { raw: true });
CMS.registerPreviewTemplate('cases', CasePreview);
CMS.registerPreviewTemplate('issues', IssuePreview);

// Decap's own formats, never writing the working field that names a new entry's file (new-entry-id.ts).
CMS.registerCustomFormat(deskFormats.cases.name, deskFormats.cases.extension, withoutNewEntryId(frontmatterYAML()));
CMS.registerCustomFormat(deskFormats.issues.name, deskFormats.issues.extension, withoutNewEntryId(yamlFormatter));

// The content check guards saving (src/admin/entry-check.ts): errors above their fields and in a notice.
registerEntryCheck();

// A date known only to the month or year is saved as the 1st of the month or 1 January, as the check wants it
// (and as the date's hint says). Then the check has the last word: what it refuses is not written. A new entry
// gets its id (file name) by the rule of `npm run new`.
CMS.registerEventListener({
  name: 'preSave',
  handler: ({ entry }) => {
    let data = entry.get('data');
    const date = data.get('date');
    const saved = dateForPrecision(date, data.get('datePrecision'));
    if (saved !== date) data = data.set('date', saved);
    refuseIfCheckFails(entry.set('data', data));
    if (entry.get('newRecord')) data = data.set(newEntryIdField, newEntryId(entry.get('collection'), data.toJS()));
    return data;
  },
});

for (const component of bodyComponents()) {
  CMS.registerEditorComponent({
    ...component,
    toPreview: (data: Record<string, string>, getAsset?: (path: string) => unknown) => {
      if (component.id !== figureComponentId) return h('span', { hidden: true });
      const image = data.src ? String(getAsset?.(data.src) ?? data.src) : '';
      return h(
        'figure',
        { className: image ? 'news-figure' : 'news-figure awaiting-photo' },
        image ? h('img', { src: image, alt: data.alt || data.caption }) : null,
        h('figcaption', null, data.caption),
      );
    },
  });
}

// Under `npm run desk` the git proxy writes content files and checks out its draft branches while an editor
// works; the dev server then asks every open page to reload, which would throw away the form being filled in.
// The desk ignores those reloads (Decap reloads its own data); Vite reloads only pages whose path matches.
// The same goes for the error overlay that `astro dev` sends to every open page (the content check's, when a file
// the proxy has half-written or checked out fails the check): over the desk it would hide the form and its 保存.
// The check's messages still reach the editor through `npm run check` and CI; here they go to the console.
if (import.meta.hot) {
  import.meta.hot.on('vite:beforeFullReload', (payload: { path?: string }) => {
    payload.path = '/admin/__desk-keeps-its-state__.html';
  });
  import.meta.hot.on('vite:error', (payload: { err?: { message?: string } }) => {
    console.warn(`开发服务器报告（编辑台不显示覆盖层）：${payload.err?.message ?? ''}`);
    // Vite adds the overlay right after its listeners ran.
    setTimeout(() => document.querySelectorAll('vite-error-overlay').forEach((overlay) => overlay.remove()));
  });
}

CMS.init();
