import { graphql } from '../../gql';
import { useQuery } from '../../api/useQuery';

const DivisionChildrenDocument = graphql(`
  query DivisionChildren($code: DivisionCode!) {
    division(code: $code) {
      code
      name
      children {
        code
        name
      }
    }
  }
`);

/** The account's region, then a township, then a village within it (the catalogue's divisions). */
export function RegionPicker({ root, value, onChange }: { root: string; value: string; onChange: (code: string) => void }) {
  const township = value.length >= 9 && value !== root ? value.slice(0, 9) : null;
  const top = useQuery(DivisionChildrenDocument, { code: root });
  const sub = useQuery(DivisionChildrenDocument, { code: township ?? root }, { skip: !township || root.length >= 9 });
  return (
    <span className="region-picker">
      <label>
        区域{' '}
        <select name="township" value={township ?? root} onChange={(event) => onChange(event.target.value)}>
          <option value={root}>{top.data?.division?.name ?? root}（全部）</option>
          {(top.data?.division?.children ?? []).map((child) => (
            <option key={child.code} value={child.code}>
              {child.name ?? child.code}
            </option>
          ))}
        </select>
      </label>
      {township && root.length < 9 && (
        <select name="village" value={value.length === 12 ? value : township} onChange={(event) => onChange(event.target.value)}>
          <option value={township}>全部村（社区）</option>
          {(sub.data?.division?.children ?? []).map((child) => (
            <option key={child.code} value={child.code}>
              {child.name ?? child.code}
            </option>
          ))}
        </select>
      )}
      {top.error && <span className="field-error">{top.error.message}</span>}
    </span>
  );
}
