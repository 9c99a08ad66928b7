/**
 * What the importer can read off a page beyond its text, offered to the editor rather than decided:
 * the series a page belongs to (`——全省各市劳模协会工作交流·嘉兴篇`), an organisation's full printed name,
 * and topics from content/topics.yaml whose words occur in an article.
 */

export interface Series {
  name: string;
  part: string;
}

/** `——全省各市劳模协会工作交流·嘉兴篇` (a subtitle or kicker) → { name, part }; the part ends in 篇. */
export function seriesOf(line: string | undefined): Series | undefined {
  const m = line ? /^[—–\-\s]*([^·・•]+?)\s*[·・•]\s*([^·・•\s]+篇)\s*$/.exec(line) : null;
  return m ? { name: m[1]!, part: m[2]! } : undefined;
}

/**
 * The organisation as printed in full: a page names it once formally (`嘉兴市劳动模范协会`, often in the
 * editor's note) and then short (`嘉兴市劳模协会`); the guess from running text is the short form.
 */
export function fullPrintedName(organisation: string, texts: readonly string[]): string {
  if (!organisation.endsWith('劳模协会')) return organisation;
  const full = `${organisation.slice(0, -'劳模协会'.length)}劳动模范协会`;
  return texts.some((text) => text.includes(full)) ? full : organisation;
}

export interface TopicEntry {
  id: string;
  name: string;
  description?: string;
}

/** Words every page of this newsletter uses: they say nothing about a topic. */
const GENERIC = new Set(['劳模', '工匠', '劳模工匠', '活动', '协会', '组织', '制度', '职工', '工会', '精神', '一线', '劳动精神', '工匠精神']);

/** The words a topic is recognised by: its name and the phrases of its description, minus generic words. */
export function topicKeywords(topic: TopicEntry): string[] {
  const phrases = (topic.description ?? '')
    .split(/[、，。；：（）()\s]|等|及其|与|和|的/)
    .map((phrase) => phrase.replace(/^(?:劳模工匠|劳模|职工)(?=..)/, ''))
    .filter((phrase) => phrase.length >= 2 && phrase.length <= 6 && !GENERIC.has(phrase));
  return [...new Set([topic.name, ...phrases])];
}

export interface TopicSuggestion {
  id: string;
  name: string;
  /** How often its words occur. */
  hits: number;
}

/** Topics whose words occur at least `minHits` times in the text, most first, at most `max`. */
export function suggestTopics(text: string, topics: readonly TopicEntry[], { minHits = 2, max = 3 } = {}): TopicSuggestion[] {
  return topics
    .map((topic) => ({
      id: topic.id,
      name: topic.name,
      hits: topicKeywords(topic).reduce((sum, word) => sum + (text.split(word).length - 1), 0),
    }))
    .filter((topic) => topic.hits >= minHits)
    .sort((a, b) => b.hits - a.hits)
    .slice(0, max);
}
