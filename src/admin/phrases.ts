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
  set(phrases, ['editor', 'editorToolbar', 'draft'], '草稿');
  set(phrases, ['editor', 'editorToolbar', 'inReview'], '待审');
  set(phrases, ['editor', 'editorToolbar', 'ready'], '可发布');
  set(phrases, ['editor', 'editor', 'onPublishingNotReady'], '请先把状态改为“可发布”，再发布。');
  set(phrases, ['workflow', 'workflow', 'newPost'], '新建');
  set(phrases, ['workflow', 'workflow', 'description'], '%{smart_count} 篇待审，%{readyCount} 篇可发布 |||| %{smart_count} 篇待审，%{readyCount} 篇可发布');
  set(phrases, ['workflow', 'workflowList', 'onPublishingNotReadyEntry'], '只有“可发布”一列的内容才能发布：请先把卡片拖到“可发布”一列。');
  set(phrases, ['workflow', 'workflowList', 'draftHeader'], '草稿');
  set(phrases, ['workflow', 'workflowList', 'inReviewHeader'], '待审');
  set(phrases, ['workflow', 'workflowList', 'readyHeader'], '可发布');
  return phrases;
}
