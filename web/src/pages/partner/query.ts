import { graphql } from '../../gql';

/** The city's figures (aggregates, no person): its retention and the outcomes of the contact attempts on its transfers. */
export const PartnerFiguresQuery = graphql(`
  query PartnerFigures {
    partnerCities {
      code
      name
      province
      retention {
        transferred
        visited
        stillEmployed
        rate
        suppressed
      }
    }
    contactOutcomeCounts {
      outcome
      label
      attempts
      workers
      share
      suppressed
    }
  }
`);

/** 转移到本市的务工人员, keyset paging, optionally only those whose follow-up is due or overdue (person-level: sent with the declared purpose only). */
export const PartnerTransfersQuery = graphql(`
  query PartnerTransfers($first: Int!, $after: String, $onlyActive: Boolean, $followUpDue: FollowUpDueFilter) {
    transfers(first: $first, after: $after, onlyActive: $onlyActive, followUpDue: $followUpDue) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        id
        employerName
        jobTitle
        startedOn
        endedOn
        active
        phoneMasked
        followUpDueOn
        followUpDue
        worker {
          id
          name
        }
        lastFollowUpVisit {
          id
          visitedOn
          stillEmployed
          monthlyWage
        }
        lastContactAttempt {
          id
          attemptedAt
          channel
          outcome
        }
      }
    }
  }
`);

export const RecordContactAttemptMutation = graphql(`
  mutation RecordContactAttempt($input: RecordContactAttemptInput!) {
    recordContactAttempt(input: $input) {
      id
      attemptedAt
      outcome
    }
  }
`);

export const RecordFollowUpVisitMutation = graphql(`
  mutation RecordFollowUpVisit($input: RecordFollowUpVisitInput!) {
    recordFollowUpVisit(input: $input) {
      id
      visitedOn
      stillEmployed
      transfer {
        id
        followUpDueOn
        followUpDue
      }
    }
  }
`);
