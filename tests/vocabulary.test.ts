import * as common from '@jiuye/common';
import * as civil from '@jiuye/civil';
import * as hr from '@jiuye/hr';
import * as partner from '@jiuye/partner';
import * as poverty from '@jiuye/poverty';
import * as training from '@jiuye/training';

/**
 * The demo generator (devtools) imports every vocabulary instead of restating it, so there is
 * no copy left to keep equal. What remains to check is the vocabularies themselves: every
 * value, shared or a department's own, has the Chinese term officials read.
 */
const vocabularies = Object.entries({ ...common, ...civil, ...hr, ...partner, ...poverty, ...training })
  .filter(([name, value]) => name.endsWith('Vocabulary') && value && typeof value === 'object' && 'values' in value && 'labels' in value)
  .map(([name, value]) => [name, value as unknown as { values: readonly string[]; labels: Record<string, string> }] as const);

describe('vocabularies', () => {
  it("finds the shared and the departments' vocabularies", () => {
    const names = vocabularies.map(([name]) => name);
    for (const name of [
      'TradeVocabulary',
      'PovertyStatusVocabulary',
      'RelationshipVocabulary',
      'AssistanceKindVocabulary',
      'SubsidyKindVocabulary',
      'CourseKindVocabulary',
      'ContactOutcomeVocabulary',
    ]) {
      expect(names).toContain(name);
    }
  });

  it.each(vocabularies)('%s gives every value a Chinese label', (_name, vocabulary) => {
    for (const value of vocabulary.values) expect(vocabulary.labels[value]).toMatch(/[\u4e00-\u9fff]/);
  });
});
