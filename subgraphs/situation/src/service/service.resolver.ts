import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { LocalDateScalar, PageArgs } from '@jiuye/common';
import type { SituationContext } from '../context';
import { SituationPerson } from '../person/situation-person.types';
import { serviceTimeline } from './service.service';
import { ServiceTimelineEntry, ServiceTimelinePage } from './service.types';

/**
 * 一人一案 on the person: the services every department recorded, as one timeline, and the day of
 * the latest. Fields of SituationPerson: the access rules (situation/src/access.ts) check each
 * read like every other person field (person-level accounts with a purpose, the person inside
 * the caller's region) and the access log records it.
 */
@Resolver(() => SituationPerson)
export class ServiceTimelineResolver {
  @FieldResolver(() => ServiceTimelinePage, {
    description: '服务记录 (一人一案): the services given to this person by every department, newest first (day, then department). As of a past day: the services up to that day.',
  })
  async serviceTimeline(@Root() person: SituationPerson, @Args(() => PageArgs) { first, after }: PageArgs, @Ctx() context: SituationContext): Promise<ServiceTimelinePage> {
    const page = await serviceTimeline(context.loaders.sql, person.record.worker_id, { first, after, upTo: person.asOfDay });
    return { ...page, nodes: page.nodes.map((row) => new ServiceTimelineEntry(row)) };
  }

  @FieldResolver(() => LocalDateScalar, { nullable: true, description: '最近一次服务日期 — the day of the latest service any department recorded; null when none.' })
  async lastServiceOn(@Root() person: SituationPerson, @Ctx() context: SituationContext): Promise<string | null> {
    if (person.asOfDay) {
      const page = await serviceTimeline(context.loaders.sql, person.record.worker_id, { first: 1, upTo: person.asOfDay });
      return page.nodes[0]?.served_on ?? null;
    }
    return context.loaders.lastServiceOn.load(person.record.worker_id);
  }
}
