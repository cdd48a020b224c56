import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { DivisionCodeScalar, DivisionLevelEnum, divisionLevel, parentDivisionCode, type DivisionLevel } from '@jiuye/common';
import type { HrContext } from '../context';
import { WelfarePost } from '../welfare-post/welfare-post.entity';
import { WorkerFilterArgs, WorkerPage } from '../worker/worker.resolver';
import { findDivision } from './division.service';
import { Division } from './division.type';

@Resolver(() => Division)
export class DivisionResolver {
  @Query(() => Division, { nullable: true, description: '区划 — a division of the catalogue by its code (NOT_FOUND when unknown).' })
  async division(@Arg('code', () => DivisionCodeScalar) code: string, @Ctx() { loaders }: HrContext): Promise<Division> {
    return findDivision(loaders.divisionByCode, code);
  }

  @FieldResolver(() => String, { nullable: true, description: 'Name in the catalogue (e.g. 汤丹镇); empty for a code the catalogue lacks.' })
  async name(@Root() division: Division, @Ctx() { loaders }: HrContext) {
    return (await loaders.divisionByCode.load(division.code))?.name ?? null;
  }

  @FieldResolver(() => DivisionLevelEnum, { description: '省/市/县/乡镇/村, from the length of the code.' })
  level(@Root() division: Division): DivisionLevel {
    return divisionLevel(division.code);
  }

  @FieldResolver(() => Division, { nullable: true, description: 'The enclosing division; empty for a province.' })
  parent(@Root() division: Division): Division | null {
    const code = parentDivisionCode(division.code);
    return code === null ? null : { code };
  }

  @FieldResolver(() => [Division], { nullable: true, description: 'Divisions one level down, in code order.' })
  children(@Root() division: Division, @Ctx() { loaders }: HrContext) {
    return loaders.childrenByParent.load(division.code);
  }

  @FieldResolver(() => WorkerPage, { nullable: true, description: 'Workers of households in this division (the rosters, as root `workers`).' })
  workers(@Root() division: Division, @Args(() => WorkerFilterArgs) args: WorkerFilterArgs, @Ctx() { loaders, access }: HrContext) {
    return loaders.workerPage({ ...args, divisionCode: access.scopeDivision(division.code, 'Division.workers') });
  }

  @FieldResolver(() => [WelfarePost], { nullable: true, description: '公益性岗位 in the villages of this division, by village.' })
  welfarePosts(@Root() division: Division, @Ctx() { loaders }: HrContext) {
    return loaders.welfarePostsInDivision(division.code);
  }
}

export function resolveDivisionReference(reference: { code: string }): Division {
  return { code: reference.code };
}
