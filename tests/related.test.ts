import { describe, expect, it } from 'vitest';
import { rankRelated, scoreRelated, type RelatedInput } from '../src/lib/related.ts';

const at = (day: number) => new Date(Date.UTC(2022, 0, day));
const make = (id: string, regionPath: string[], topics: string[] = [], day = 1): RelatedInput => ({ id, regionPath, topics, date: at(day) });

const target = make('pingyang-a', ['zhejiang', 'wenzhou', 'pingyang'], ['zhiyuan-fuwu', 'xuanjiang']);

describe('scoreRelated', () => {
  it('weighs the same county over the same city over a topic', () => {
    expect(scoreRelated(target, make('b', ['zhejiang', 'wenzhou', 'pingyang'])).score).toBe(4);
    expect(scoreRelated(target, make('c', ['zhejiang', 'wenzhou', 'ruian'])).score).toBe(2);
    expect(scoreRelated(target, make('d', ['zhejiang', 'hangzhou', 'linan'], ['xuanjiang'])).score).toBe(1);
  });

  it('gives nothing for sharing only the province', () => {
    expect(scoreRelated(target, make('e', ['zhejiang', 'huzhou'])).score).toBe(0);
    expect(scoreRelated(make('p', ['zhejiang']), make('q', ['zhejiang'])).score).toBe(0);
  });

  it('treats two city-level cases of the same city as the same place, and a city case vs its county as the same city', () => {
    const city = make('city', ['zhejiang', 'hangzhou']);
    expect(scoreRelated(city, make('city2', ['zhejiang', 'hangzhou'])).reasons).toEqual([{ kind: 'region', regionId: 'hangzhou' }]);
    expect(scoreRelated(city, make('linan', ['zhejiang', 'hangzhou', 'linan'])).reasons).toEqual([{ kind: 'city', regionId: 'hangzhou' }]);
  });

  it('adds one per shared topic and says why', () => {
    const related = scoreRelated(target, make('f', ['zhejiang', 'wenzhou', 'ruian'], ['xuanjiang', 'zhiyuan-fuwu', 'other']));
    expect(related.score).toBe(4);
    expect(related.reasons).toEqual([
      { kind: 'city', regionId: 'wenzhou' },
      { kind: 'topic', topicId: 'zhiyuan-fuwu' },
      { kind: 'topic', topicId: 'xuanjiang' },
    ]);
  });
});

describe('rankRelated', () => {
  const candidates = [
    target,
    make('same-county-old', ['zhejiang', 'wenzhou', 'pingyang'], [], 1),
    make('same-county-new', ['zhejiang', 'wenzhou', 'pingyang'], [], 9),
    make('same-city-two-topics', ['zhejiang', 'wenzhou', 'ruian'], ['xuanjiang', 'zhiyuan-fuwu'], 2),
    make('topic-only', ['zhejiang', 'ningbo', 'yinzhou'], ['xuanjiang'], 3),
    make('nothing', ['zhejiang', 'lishui', 'liandu'], ['jineng-jingsai'], 20),
  ];

  it('ranks by score, then newer first, leaving out the case itself and unrelated cases', () => {
    // Same county (4) ties with same city + two topics (4): the newer case goes first.
    expect(rankRelated(target, candidates, { limit: 10 }).map((r) => r.id)).toEqual([
      'same-county-new',
      'same-city-two-topics',
      'same-county-old',
      'topic-only',
    ]);
  });

  it('honours the limit and the exclusions', () => {
    expect(rankRelated(target, candidates, { limit: 2 }).map((r) => r.id)).toEqual(['same-county-new', 'same-city-two-topics']);
    expect(rankRelated(target, candidates, { exclude: ['same-county-new'] })[0]!.id).toBe('same-city-two-topics');
  });

  it('is stable on equal score and date (by id)', () => {
    const twins = [make('z', ['zhejiang', 'wenzhou', 'pingyang']), make('a', ['zhejiang', 'wenzhou', 'pingyang'])];
    expect(rankRelated(target, twins).map((r) => r.id)).toEqual(['a', 'z']);
  });

  it('returns nothing when there are no other cases', () => {
    expect(rankRelated(target, [target])).toEqual([]);
  });
});
