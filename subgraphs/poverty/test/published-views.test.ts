import { publishedViews } from '../src/published-views';
import { describePublishedViews } from '../../../tests/support/published-views';

describePublishedViews('poverty', publishedViews);
