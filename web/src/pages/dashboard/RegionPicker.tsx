/** The region picker: the account's region, its townships and villages (from the coverage answer's villages, no extra request). */
export interface RegionOption {
  code: string;
  name: string;
  villages: { code: string; name: string }[];
}

export function regionOptions(villages: readonly { villageCode: string; villageName: string; townshipName?: string | null }[]): RegionOption[] {
  const townships = new Map<string, RegionOption>();
  for (const village of villages) {
    const code = village.villageCode.slice(0, 9);
    const township = townships.get(code) ?? { code, name: village.townshipName ?? code, villages: [] };
    township.villages.push({ code: village.villageCode, name: village.villageName });
    townships.set(code, township);
  }
  return [...townships.values()].sort((a, b) => a.code.localeCompare(b.code)).map((t) => ({ ...t, villages: t.villages.sort((a, b) => a.code.localeCompare(b.code)) }));
}

export function RegionPicker({
  home,
  homeName,
  places,
  value,
  onChange,
}: {
  home: string;
  homeName: string;
  places: RegionOption[] | null;
  value: string;
  onChange(code: string): void;
}) {
  return (
    <select className="region-picker" aria-label="区域" value={value} onChange={(event) => onChange(event.target.value)} data-testid="region">
      <option value={home}>{homeName}</option>
      {(places ?? []).map((township) => (
        <optgroup key={township.code} label={township.name}>
          {township.code !== home && <option value={township.code}>{township.name}（全乡镇）</option>}
          {township.villages.map((village) => (
            <option key={village.code} value={village.code}>
              {village.name}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}
