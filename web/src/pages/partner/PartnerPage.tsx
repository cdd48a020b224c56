import { FreshnessLine } from '../FreshnessLine';

/** 协作城市 — partner-city page (placeholder: the next helper builds it on this shell). */
export default function PartnerPage() {
  return (
    <section className="page">
      <h1>协作城市</h1>
      <p>转移到本市的务工人员、待回访与逾期回访、联系记录（建设中）。</p>
      <FreshnessLine />
    </section>
  );
}
