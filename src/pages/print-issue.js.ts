/**
 * The one script of the print view (/print-issue.js), served as a file because the site's Content-Security-Policy
 * allows no inline script: the print button, and `?size=a3` as a shortcut to the A3 route.
 */
const script = `document.querySelector('[data-print]')?.addEventListener('click', () => window.print());
if (new URLSearchParams(location.search).get('size') === 'a3' && !document.documentElement.classList.contains('print-a3')) location.replace('a3/');
`;

export function GET() {
  return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
