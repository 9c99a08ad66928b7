import { describe, expect, it } from 'vitest';
import { parseSiteSettings } from '../src/lib/site-settings.ts';

describe('site settings (content/site.yaml)', () => {
  it('reads the filled-in items and leaves out the empty ones', () => {
    const { settings, problems } = parseSiteSettings('contact: 协会办公室 电话 0571-1234\nsubmissionEmail: tougao@example.org\nsubmissionAddress:\nicp: 浙ICP备12345678号-1\n');
    expect(settings).toEqual({ contact: '协会办公室 电话 0571-1234', submissionEmail: 'tougao@example.org', icp: '浙ICP备12345678号-1' });
    expect(problems).toEqual([]);
  });

  it('names the line and field of a wrong email, a wrong ICP number and an unknown item', () => {
    const { settings, problems } = parseSiteSettings('submissionEmail: 不是邮箱\nicp: ICP12345\nphone: 123\n');
    expect(settings).toEqual({});
    expect(problems.filter((problem) => problem.severity === 'error').map((problem) => [problem.line, problem.field])).toEqual([
      [1, 'submissionEmail（投稿邮箱）'],
      [2, 'icp（ICP 备案号）'],
      [3, 'phone'],
    ]);
  });

  it('reminds that contact and ICP are missing, without refusing', () => {
    const { problems } = parseSiteSettings('contact:\nicp:\n');
    expect(problems.map((problem) => problem.severity)).toEqual(['warning', 'warning']);
  });

  it('refuses a file that is not a list of items', () => {
    expect(parseSiteSettings('- a\n- b\n').problems[0]?.severity).toBe('error');
    expect(parseSiteSettings('contact: "unclosed\n').problems[0]?.field).toBe('(格式)');
  });
});
