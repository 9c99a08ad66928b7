/**
 * The content check inside the desk: when the editor presses 保存, the entry being edited goes through the same
 * check as `npm run check` (src/lib/cms/entry-check.ts, bundled into /admin/, so it works with every backend).
 * - Each error is shown in red above the field it is about, and Decap does not save while a field has an
 *   error: each field control is wrapped so its `isValid` (Decap's widget validation) returns the check's
 *   errors for that field.
 * - A notice lists everything the check found (errors and warnings, with the check's hints), because the fields
 *   concerned may be out of sight. Warnings do not stop saving.
 * - The preSave listener checks once more what is about to be written and refuses with the same message.
 */
import CMS from 'decap-cms-app';
import { Component, createElement as h, type ReactNode } from 'react';
import type { DeskCollectionName, DeskEntry, DeskDataFiles } from '../lib/cms/entry-check.ts';
import type { Problem } from '../lib/content-check/problem.ts';

// The check (its rules, zhlint, an MDX parser, the region and topic lists: about 0.4 MB gzipped) loads beside
// Decap rather than before it; it is there long before the first 保存.
let checker: { module: typeof import('../lib/cms/entry-check.ts'); dataFiles: DeskDataFiles } | undefined;
void Promise.all([import('../lib/cms/entry-check.ts'), import('../../content/regions.json?raw'), import('../../content/topics.yaml?raw')]).then(
  ([module, regions, topics]) => (checker = { module, dataFiles: { regions: regions.default, topics: topics.default } }),
);

const notLoaded: Problem = {
  file: '',
  field: '内容检查',
  message: '检查程序还在加载，没有保存',
  hint: '请过几秒再点“保存”；一直这样的话，刷新页面。',
  severity: 'error',
};

/** The desk field a problem is shown at (the title until the check has loaded). */
const fieldOf = (problem: Problem, collection: DeskCollectionName) => checker?.module.deskFieldOf(problem, collection) ?? 'title';

interface ImmutableLike {
  get(key: string): unknown;
  toJS?(): unknown;
}

const checked = new WeakMap<object, Problem[]>();
const isDeskCollection = (name: unknown): name is DeskCollectionName => name === 'cases' || name === 'issues';

function deskEntry(entry: ImmutableLike): DeskEntry | undefined {
  const collection = entry.get('collection');
  if (!isDeskCollection(collection)) return undefined;
  const data = (entry.get('data') as ImmutableLike | undefined)?.toJS?.() as Record<string, unknown> | undefined;
  const slug = entry.get('slug');
  return { collection, slug: typeof slug === 'string' && slug ? slug : undefined, data: data ?? {} };
}

/** The check's findings for a Decap entry, once per version of the entry (Decap's entries are immutable). */
export function problemsOf(entry: ImmutableLike): Problem[] {
  const known = checked.get(entry);
  if (known) return known;
  const desk = deskEntry(entry);
  if (desk && !checker) {
    showCheckNotice([notLoaded]);
    return [notLoaded];
  }
  const problems = desk && checker ? checker.module.checkDeskEntry(desk, checker.dataFiles) : [];
  checked.set(entry, problems);
  showCheckNotice(problems);
  return problems;
}

const errorsOf = (problems: Problem[]) => problems.filter((problem) => problem.severity === 'error');

function sentence(problem: Problem, withField: boolean): string {
  const hint = problem.hint ? ` 提示：${problem.hint}` : '';
  return `${withField ? `${problem.field}：` : ''}${problem.message}。${hint}`.replace(/。。/g, '。');
}

/** Thrown by the preSave listener: Decap shows it as “保存失败：…” and writes nothing. */
export class DeskCheckError extends Error {
  constructor(problems: Problem[]) {
    super(`内容检查发现 ${problems.length} 处错误，没有保存：${problems.map((problem) => sentence(problem, true)).join(' ')}`);
    this.name = ''; // Decap shows String(error): the message alone
  }
}

/** For the preSave listener: refuse what the check refuses. */
export function refuseIfCheckFails(entry: ImmutableLike) {
  const errors = errorsOf(problemsOf(entry));
  if (errors.length) throw new DeskCheckError(errors);
}

// ---- the notice ----

const noticeId = 'desk-check-notice';

function showCheckNotice(problems: Problem[]) {
  document.getElementById(noticeId)?.remove();
  if (!problems.length) return;
  const errors = errorsOf(problems);
  const notice = document.createElement('section');
  notice.id = noticeId;
  notice.setAttribute('role', 'alert');
  notice.className = errors.length ? 'has-errors' : 'has-warnings';
  const title = document.createElement('h2');
  title.textContent = errors.length
    ? `内容检查：${errors.length} 处错误，没有保存。请按提示改正（出错的栏目上方有红字），再点“保存”。`
    : `内容检查：${problems.length} 处提醒（不影响保存），发布前请看一下。`;
  const list = document.createElement('ul');
  problems.forEach((problem, index) => {
    const item = document.createElement('li');
    const label = document.createElement('strong');
    label.textContent = `${problem.severity === 'error' ? '错误' : '提醒'} · ${problem.field}`;
    const message = document.createElement('span');
    message.textContent = problem.message;
    item.append(label, message);
    // The same hint for several problems in a row (photos awaited) is said once, under the first.
    if (problem.hint && problem.hint !== problems[index - 1]?.hint) {
      const hint = document.createElement('small');
      hint.textContent = `提示：${problem.hint}`;
      item.append(hint);
    }
    list.append(item);
  });
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = '关闭';
  close.addEventListener('click', () => notice.remove());
  notice.append(title, list, close);
  document.body.append(notice);
}

// Another entry, another check; but a new entry, once saved, reopens under its name: its notice stays.
addEventListener('hashchange', (event) => {
  const created = /^#\/collections\/([^/]+)\/new$/.exec(new URL(event.oldURL).hash);
  if (created && new URL(event.newURL).hash.startsWith(`#/collections/${created[1]}/entries/`)) return;
  document.getElementById(noticeId)?.remove();
});

// ---- field validation ----

type Validity = boolean | { error: unknown } | Promise<unknown> | undefined;

interface ControlProps {
  field: { get(key: string): unknown };
  getEntry?: () => ImmutableLike | undefined;
  [key: string]: unknown;
}

interface InnerControl {
  isValid?: () => Validity;
  getValidateValue?: () => unknown;
  focus?: (path?: string) => void;
}

const failed = (validity: Validity) =>
  validity === false || validity instanceof Promise || (typeof validity === 'object' && validity !== null && Boolean((validity as { error: unknown }).error));

/** A field control that also answers Decap's validation with the check's errors for its field. */
function withCheck(Control: unknown) {
  return class CheckedControl extends Component<ControlProps> {
    inner: InnerControl | null = null;

    isValid = (): Validity => {
      const own = this.inner?.isValid?.();
      if (failed(own)) return own;
      const entry = this.props.getEntry?.();
      const collection = entry?.get('collection');
      if (!entry || !isDeskCollection(collection)) return own ?? true;
      const name = String(this.props.field.get('name'));
      const mine = errorsOf(problemsOf(entry)).filter((problem) => fieldOf(problem, collection) === name);
      if (!mine.length) return own ?? true;
      const shared = name === 'title'; // problems of the file as a whole are shown here too
      return { error: { type: 'CUSTOM', message: mine.map((problem) => sentence(problem, shared && !/（title）|^title/.test(problem.field))).join(' ') } };
    };

    getValidateValue = () => this.inner?.getValidateValue?.();

    focus(path?: string) {
      this.inner?.focus?.(path);
    }

    render(): ReactNode {
      return h(Control as never, { ...this.props, ref: (inner: InnerControl | null) => (this.inner = inner) });
    }
  };
}

/** The widgets of the desk's fields that hold a value themselves (objects and lists hold these). */
const checkedWidgets = ['string', 'text', 'select', 'datetime', 'boolean', 'number', 'markdown'];

const noticeCss = `
#${noticeId} { position: fixed; z-index: 500; left: 1rem; bottom: 1rem; max-width: min(40rem, calc(100vw - 2rem));
  max-height: 45vh; overflow: auto; padding: .75rem 1rem; border-radius: 6px; background: #fff; color: #222;
  box-shadow: 0 4px 16px rgb(0 0 0 / .25); font: 14px/1.6 system-ui, "Noto Sans CJK SC", sans-serif; }
#${noticeId}.has-errors { border: 2px solid #b3261e; }
#${noticeId}.has-warnings { border: 2px solid #b26a00; }
#${noticeId} h2 { margin: 0 0 .5rem; font-size: 15px; }
#${noticeId}.has-errors h2 { color: #b3261e; }
#${noticeId} ul { margin: 0; padding-left: 1.2rem; }
#${noticeId} li { margin: .25rem 0; }
#${noticeId} li strong { margin-right: .5em; }
#${noticeId} li small { display: block; color: #555; }
#${noticeId} button { margin-top: .5rem; }
label[for] + ul { text-transform: none; } /* Decap's field errors: the check's <script>, https:// as written */
label[for]:has(+ ul) { flex-shrink: 0; } /* and the field's name beside a long error stays on one line */
`;

export function registerEntryCheck() {
  const style = document.createElement('style');
  style.textContent = noticeCss;
  document.head.append(style);
  for (const name of checkedWidgets) {
    const widget = CMS.getWidget(name) as ({ control: unknown; preview: unknown } & Record<string, unknown>) | undefined;
    if (!widget) continue;
    const { control, preview, ...rest } = widget;
    CMS.registerWidget({ ...rest, name, controlComponent: withCheck(control), previewComponent: preview } as never);
  }
}
