import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, todayInChina } from '@jiuye/common';
import type { SituationContext } from '../context';
import { Task } from '../task/task.types';
import { servicesOf } from './service.service';
import { ServiceTimelineEntry, ServiceTimelinePage } from './service.types';

/**
 * 一人一案 on a task: the services that worked it — given to the task's person, or to the members
 * of its household, since the situation behind it began (Task.openedOn). The same rows as the
 * person's timeline (department, day, staff account), under the same access rule ('welfare':
 * department staff of the region; situation/src/access.ts), logged as the task's subject.
 */
@Resolver(() => Task)
export class TaskServicesResolver {
  @FieldResolver(() => ServiceTimelinePage, {
    description:
      '办理记录: the 一人一案 services given since the situation behind the task began (openedOn) and, once closed, up to the day it closed — to its person, or to the members of its household — newest first, from every department.',
  })
  async services(@Root() task: Task, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: SituationContext): Promise<ServiceTimelinePage> {
    const { worker_id: workerId, household_code: householdCode, opened_on: since, closed_at: closedAt } = task.record;
    const scope = workerId ? { workerId } : householdCode ? { householdCode } : null;
    if (!scope) return { nodes: [], totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null } };
    // A closed task: the services up to the day it closed (China time).
    const upTo = closedAt ? todayInChina(closedAt) : null;
    const page = await servicesOf(context.loaders.sql, scope, { first, after, since, upTo });
    return { ...page, nodes: page.nodes.map((row) => new ServiceTimelineEntry(row)) };
  }
}
