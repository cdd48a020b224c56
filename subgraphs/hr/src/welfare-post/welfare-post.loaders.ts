import type { EntityManager } from '@mikro-orm/postgresql';
import { manyLoader, oneLoader, type SubgraphConfig } from '@jiuye/common';
import { WelfarePost, WelfarePostAssignment } from './welfare-post.entity';
import { WelfarePostService } from './welfare-post.service';

export function createWelfarePostLoaders(em: EntityManager, config: SubgraphConfig) {
  const postsInDivision = manyLoader<string, { divisionCode: string; post: WelfarePost }>(
    (codes) => new WelfarePostService(em, config.pseudonymKey).inDivisions(codes),
    (row) => row.divisionCode,
  );
  return {
    welfarePostById: oneLoader<number, WelfarePost>(
      (ids) => em.find(WelfarePost, { id: { $in: [...ids] } }),
      (post) => post.id,
    ),
    /** post → its current holding (null when vacant). */
    currentAssignmentByPost: oneLoader<number, WelfarePostAssignment>(
      (ids) => em.find(WelfarePostAssignment, { postId: { $in: [...ids] }, endsOn: null }),
      (assignment) => assignment.postId,
    ),
    /** worker → holdings, newest first. */
    assignmentsByWorker: manyLoader<string, WelfarePostAssignment>(
      (ids) => em.find(WelfarePostAssignment, { workerId: { $in: [...ids] } }, { orderBy: { startsOn: 'desc', id: 'desc' } }),
      (assignment) => assignment.workerId,
    ),
    /** division code (any level) → posts in its villages. */
    welfarePostsInDivision: async (code: string) => (await postsInDivision.load(code)).map((row) => row.post),
  };
}
