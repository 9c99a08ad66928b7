/**
 * Decap's Chinese interface, with the words of this desk where Decap's translation differs: the editorial
 * workflow columns are 草稿 → 待审 → 可发布, as the guide calls them.
 */
type Phrases = Record<string, unknown>;

function set(target: Phrases, path: string[], value: string) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    node[key] = { ...(node[key] as Phrases | undefined) };
    node = node[key] as Phrases;
  }
  node[path[path.length - 1]!] = value;
}

export function deskPhrases(base: Phrases): Phrases {
  const phrases: Phrases = structuredClone(base);
  set(phrases, ['workflow', 'workflowList', 'draftHeader'], '草稿');
  set(phrases, ['workflow', 'workflowList', 'inReviewHeader'], '待审');
  set(phrases, ['workflow', 'workflowList', 'readyHeader'], '可发布');
  return phrases;
}
