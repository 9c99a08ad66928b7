/**
 * The editors' desk (Decap CMS), bundled from npm into /admin/ only: Chinese interface, the site's typography in
 * the preview, and the project's own body components (photo with caption, editor's note). Nothing here loads
 * from another origin; tests/site/desk.test.ts (end-to-end) checks it.
 */
import CMS from 'decap-cms-app';
import { zh_Hans } from 'decap-cms-locales';
import { createElement as h } from 'react';
import siteCss from '../styles/global.css?raw';
import { bodyComponents, figureComponentId } from '../lib/cms/body-components.ts';
import { deskPhrases } from './phrases.ts';
import { CasePreview, IssuePreview } from './previews.ts';
import previewCss from './preview.css?raw';

CMS.registerLocale('zh_Hans', { ...zh_Hans, ...deskPhrases(zh_Hans) });
CMS.registerPreviewStyle(siteCss, { raw: true });
CMS.registerPreviewStyle(previewCss, { raw: true });
CMS.registerPreviewTemplate('cases', CasePreview);
CMS.registerPreviewTemplate('issues', IssuePreview);

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
if (import.meta.hot) {
  import.meta.hot.on('vite:beforeFullReload', (payload: { path?: string }) => {
    payload.path = '/admin/__desk-keeps-its-state__.html';
  });
}

CMS.init();
