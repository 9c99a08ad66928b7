/**
 * One-line fields (title, organisation, byline …) as typed or passed by flag: a line break inside one would
 * make the YAML a different document, so breaks are folded into the line (next to a Chinese character nothing
 * is put, between Latin words one space) and the editor is told; other control characters are refused.
 */

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const BREAKS = /[ \t]*(?:\r\n|[\r\n\u2028\u2029\u0085])+[ \t]*/g;
// Control characters other than the breaks above (and tab, which is folded to a space).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export type OneLineResult = { ok: true; text: string; folded: boolean } | { ok: false; message: string };

export function foldToOneLine(label: string, value: string): OneLineResult {
  if (CONTROL.test(value)) {
    return { ok: false, message: `${label}里有看不见的控制字符，请删去后重新输入（只能写一行普通文字）。` };
  }
  let folded = false;
  const text = value
    .replace(BREAKS, (match, offset: number, whole: string) => {
      folded = true;
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + match.length] ?? '';
      return CJK.test(before) || CJK.test(after) || !before || !after ? '' : ' ';
    })
    .replace(/\t/g, ' ')
    .trim();
  return { ok: true, text, folded };
}
