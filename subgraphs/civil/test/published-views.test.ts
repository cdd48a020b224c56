import { publishedViews } from '../src/published-views';
import { describePublishedViews } from '@jiuye/testing/published-views';

describePublishedViews('civil', publishedViews);
