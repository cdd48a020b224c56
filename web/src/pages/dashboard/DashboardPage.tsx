import { FreshnessLine } from '../FreshnessLine';

/** 数据大屏 — county dashboard. */
export default function DashboardPage() {
  return (
    <section className="page">
      <h1>数据大屏</h1>
      <FreshnessLine />
    </section>
  );
}
