import { FreshnessLine } from '../FreshnessLine';

/** 工作台 — staff workbench (placeholder: the next helper builds it on this shell). */
export default function WorkbenchPage() {
  return (
    <section className="page">
      <h1>工作台</h1>
      <p>人员查询、一库六册与五类清单、零就业家庭、预警与比对冲突（建设中）。</p>
      <FreshnessLine />
    </section>
  );
}
