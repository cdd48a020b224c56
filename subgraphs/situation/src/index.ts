import 'reflect-metadata';
import pg from 'pg';
import { endPool, type Logger, type SituationConfig, type SubgraphModule } from '@jiuye/common';
import { clientSql, readModelTypes } from './db';
import { situationAccess } from './access';
import type { SituationContext } from './context';
import { ConflictResolutionEntity } from './conflict-resolution.entity';
import { EXPORT_PREFIX, handleExport } from './export/export.route';
// Query fields are printed in the order their resolvers load: zeroEmploymentHouseholds first, as committed (schema/situation.graphql).
import { ZeroEmploymentResolver } from './household/zero-employment.resolver';
import { FreshnessResolver } from './freshness/freshness.resolver';
import { createLoaders, type SituationLoaders } from './loaders';
import { migrations } from './migrations';
import { warmIndicators } from './indicator/warm';
import { figuresVersion, keptStored, storeKeptIn } from './indicator/kept';
import { onReadoutFallback, stopReadoutWorker } from './indicator/readout-thread';
import { IndicatorRefresher } from './indicator/refresh';
import { Household, Worker } from './person/situation-person.types';
import { ChangeFeed } from './projection/feed';
import { registerFeedMetrics } from './projection/feed-metrics';
import { RosterResolver } from './roster/roster.resolver';
import { WarningResolver } from './warning/warning.resolver';
import { ConflictResolver } from './conflict/conflict.resolver';
import { IndicatorResolver } from './indicator/indicator.resolver';
import { IndicatorBreakdownResolver } from './indicator/breakdown.resolver';
import { IndicatorSeriesResolver } from './indicator/series.resolver';
import { VillageRankingResolver } from './ranking/ranking.resolver';
import { VerificationCoverageResolver } from './verification/coverage.resolver';
import { SituationPersonResolver } from './person/situation-person.resolver';
import { RelapseCandidateResolver } from './monitoring/relapse-candidates.resolver';
import { TargetResolver } from './target/target.resolver';
import { ServiceTimelineResolver } from './service/service.resolver';
import { TaskServicesResolver } from './service/task-services.resolver';
import { TaskResolver } from './task/task.resolver';
import { DailyTaskEvaluation } from './task/task.daily';
import { CompletenessResolver } from './completeness/completeness.resolver';
import { PartnerPostingMatchResolver, resolvePartnerPostingReference } from './partner-match/posting-match.resolver';
import { PartnerJobPosting } from './partner-match/posting-match.types';
import { PartnerAssessmentPoorResolver, resolvePartnerAssessmentReference } from './partner-match/assessment-poor.resolver';
import { PartnerAssessment } from './partner-match/assessment-poor.types';
import { PartnerAssessmentTrainingResolver } from './partner-match/assessment-training.resolver';

/** The situation service's background work: the change feed, the daily task evaluation and the kept indicators' refresher. */
class SituationBackground {
  constructor(
    readonly feed: ChangeFeed,
    private readonly daily: DailyTaskEvaluation,
    private readonly warming: Promise<void>,
    private readonly indicators: IndicatorRefresher | null,
    private readonly store: KeptStoreHandle,
  ) {}

  async stop(): Promise<void> {
    await this.warming;
    await this.indicators?.stop();
    await this.store.stop();
    // The indicator worker thread (indicator/readout-thread.ts); a job of another instance in this process is then built on its own thread.
    await stopReadoutWorker();
    await this.daily.stop();
    await this.feed.stop();
  }
}

interface KeptStoreHandle {
  stop(): Promise<void>;
}

/** The read model's primary, where computed indicators are stored for the next start (indicator/kept.ts storeKeptIn). */
async function openKeptStore(databaseUrl: string, logger: Logger): Promise<KeptStoreHandle> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, types: readModelTypes });
  pool.on('error', () => undefined);
  const sql = clientSql(pool);
  const { database } = (await sql.one<{ database: string }>(`select current_database() as database`))!;
  storeKeptIn(database, { sql, logger, version: await figuresVersion() });
  return {
    async stop() {
      storeKeptIn(database, null);
      await keptStored();
      await endPool(pool);
    },
  };
}

/**
 * 就业帮扶综合视图 — the situation read model: cross-department rosters (一库六册), the five
 * lists, zero-employment households, the weekly village ranking, indicators, early warnings
 * and conflicts, over a denormalised copy of the five departments kept current from their
 * transactional outboxes (projection/feed.ts). It writes nothing back to the departments.
 */
export const situationSubgraph: SubgraphModule<SituationLoaders> = {
  name: 'situation',
  resolvers: [
    FreshnessResolver,
    RosterResolver,
    ZeroEmploymentResolver,
    WarningResolver,
    ConflictResolver,
    IndicatorResolver,
    IndicatorBreakdownResolver,
    IndicatorSeriesResolver,
    VillageRankingResolver,
    VerificationCoverageResolver,
    SituationPersonResolver,
    RelapseCandidateResolver,
    TargetResolver,
    ServiceTimelineResolver,
    TaskServicesResolver,
    TaskResolver,
    CompletenessResolver,
    PartnerPostingMatchResolver,
    PartnerAssessmentPoorResolver,
    PartnerAssessmentTrainingResolver,
  ],
  // PartnerJobPosting is reached only through _entities (its willingWorkers): listed, or the schema leaves it out.
  orphanedTypes: [Worker, Household, PartnerJobPosting, PartnerAssessment],
  referenceResolvers: { PartnerJobPosting: resolvePartnerPostingReference, PartnerAssessment: resolvePartnerAssessmentReference },
  entities: [ConflictResolutionEntity],
  migrations,
  createLoaders,
  access: situationAccess,
  downloads: { prefix: EXPORT_PREFIX, handle: (context, url, response) => handleExport(context as SituationContext, url, response) },
  async background(config, logger) {
    const situation = config as SituationConfig;
    // Before the warm-up: the figures it computes are stored, and ones stored before a restart are taken back.
    const store = await openKeptStore(situation.databaseUrl, logger);
    // The answers are the same, but while a job is built on the service's thread everything else waits (readout-thread.ts).
    onReadoutFallback((reason) => logger.warn({ reason }, "indicators built on the service's thread: the indicator worker did not finish the job"));
    const feed = new ChangeFeed({
      situationUrl: situation.databaseUrl,
      sourceUrls: situation.sourceDatabaseUrls,
      pollMs: situation.pollMs,
      logger,
      taskDueDays: situation.taskDueDays,
      taskAutoAssign: situation.taskAutoAssign,
    });
    await feed.start();
    const daily = new DailyTaskEvaluation(situation.databaseUrl, logger, situation.taskAutoAssign ?? true);
    await daily.start();
    // After the start, not before it: the service is ready while the indicators warm (indicator/warm.ts).
    const warming = new Promise<void>((resolve) => setTimeout(resolve, 0)).then(() => warmIndicators(situation.databaseUrl, situation.suppressionThreshold, logger));
    // The periods dashboards asked for, computed again in the background once changes settle (indicator/kept.ts).
    // Off (INDICATORS_REFRESH_SHARE=0): after a change the next request computes the period.
    const share = situation.indicatorsRefreshShare ?? 0.2;
    const indicators = share > 0 ? new IndicatorRefresher(situation.databaseUrl, logger, { busyShare: share }) : null;
    indicators?.start();
    return new SituationBackground(feed, daily, warming, indicators, store);
  },
  metrics(metrics, background) {
    if (background instanceof SituationBackground) registerFeedMetrics(metrics, background.feed);
  },
};

export { ChangeFeed, openSourcePools, rebuildReadModel } from './projection/feed';
export { OUTBOX_TABLE, SITUATION_READS, SITUATION_SUPERSEDED } from './projection/grants';
