import { graphql } from '../../gql';

/**
 * Everything the wall screen shows, in ONE request per refresh: the indicators of the picked period
 * and region, the red/black ranking of the county for that period (a week: the ranking week ending
 * in it), the verification coverage per village within that period and the data's freshness; the year's
 * completion against the NEW_TRANSFERS target per subregion, the villages ranked by completion
 * rate, the zero-employment clearance; the headline figures' last 12 periods (sparklines), the
 * figures per child division (breakdown bars) and per poverty group. Aggregates only (the dashboard account reads nothing else).
 */
export const DashboardQuery = graphql(`
  query Dashboard($period: String!, $year: String!, $region: String, $county: String, $granularity: SeriesGranularity!) {
    indicators(period: $period, region: $region) {
      region {
        code
        name
        level
      }
      period {
        code
        label
        from
        to
        asOf
      }
      threshold
      labourForce {
        value
        suppressed
      }
      employed {
        value
        suppressed
      }
      employmentRate {
        value
        suppressed
      }
      newTransfers {
        value
        suppressed
      }
      transferByPlace {
        place
        label
        people {
          value
          suppressed
        }
      }
      welfarePostsDeveloped {
        value
        suppressed
      }
      welfarePostsFilled {
        value
        suppressed
      }
      training {
        participants {
          value
          suppressed
        }
        employedWithin3Months {
          value
          suppressed
        }
      }
      subsidies {
        totalAmount {
          value
          suppressed
        }
        totalPeople {
          value
          suppressed
        }
      }
      retention {
        value
        suppressed
      }
      verifiedShare {
        value
        suppressed
      }
      zeroEmploymentHouseholds {
        value
        suppressed
      }
      byPovertyStatus {
        status
        label
        labourForce {
          value
          suppressed
        }
        employed {
          value
          suppressed
        }
        employmentRate {
          value
          suppressed
        }
        newTransfers {
          value
          suppressed
        }
      }
    }
    indicatorSeries(region: $region, granularity: $granularity, count: 12, endingWith: $period) {
      threshold
      historyBeginsOn
      points {
        period {
          code
          label
        }
        stockSource
        labourForce {
          value
          suppressed
        }
        employed {
          value
          suppressed
        }
        newTransfers {
          value
          suppressed
        }
        welfarePostsFilled {
          value
          suppressed
        }
        trainingParticipants {
          value
          suppressed
        }
        subsidiesAmount {
          value
          suppressed
        }
        verifiedShare {
          value
          suppressed
        }
        zeroEmploymentHouseholds {
          value
          suppressed
        }
      }
    }
    indicatorBreakdown(region: $region, period: $period) {
      threshold
      children {
        region {
          code
          name
          level
        }
        labourForce {
          value
          suppressed
        }
        employed {
          value
          suppressed
        }
        employmentRate {
          value
          suppressed
        }
        newTransfers {
          value
          suppressed
        }
        zeroEmploymentHouseholds {
          value
          suppressed
        }
      }
    }
    villageRanking(county: $county, period: $period) {
      period
      periodLabel
      weekStart
      weekEnd
      threshold
      red {
        villageCode
        villageName
        townshipName
        newTransfers
        change
        rank
        suppressed
      }
      black {
        villageCode
        villageName
        townshipName
        newTransfers
        change
        rank
        suppressed
      }
    }
    verificationCoverage(region: $region, period: $period) {
      month
      period {
        code
        label
      }
      stockSource
      total {
        verified {
          value
          suppressed
        }
        registryWorkers {
          value
          suppressed
        }
        share {
          value
          suppressed
        }
      }
      villages {
        villageCode
        villageName
        townshipName
        verified {
          value
          suppressed
        }
        registryWorkers {
          value
          suppressed
        }
        share {
          value
          suppressed
        }
      }
    }
    completion(measure: NEW_TRANSFERS, period: $year, region: $region) {
      threshold
      period {
        code
        label
      }
      total {
        region {
          code
          name
        }
        target
        actual {
          value
          suppressed
        }
        completionRate
      }
      subregions {
        region {
          code
          name
          level
        }
        target
        actual {
          value
          suppressed
        }
        completionRate
        rank
      }
    }
    completionRanking: villageRanking(basis: COMPLETION_RATE, county: $county) {
      targetPeriod
      threshold
      red {
        villageCode
        villageName
        townshipName
        target
        yearToDate
        completionRate
        rank
        suppressed
      }
    }
    zeroEmploymentClearance(region: $region) {
      from
      to
      limitDays
      cleared {
        value
        suppressed
      }
      clearedWithinLimit {
        value
        suppressed
      }
      shareWithinLimit {
        value
        suppressed
      }
      medianDaysToClear
      stillZeroEmployment {
        value
        suppressed
      }
    }
    situationFreshness {
      asOf
      lagSeconds
      departments {
        department
        label
        asOf
        lagSeconds
      }
    }
  }
`);
