/** A horizontal bar chart in plain HTML: readable by a screen reader as a list, no chart
 * library in the bundle. */
export function Bars({ rows, label }: { rows: { name: string; value: number; note?: string }[]; label: string }) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <ul className="bars" aria-label={label}>
      {rows.map((r) => (
        <li key={r.name}>
          <span className="bar-name">{r.name}</span>
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${(r.value / max) * 100}%` }} />
          </span>
          <span className="bar-value">
            {r.value.toLocaleString("id-ID")}
            {r.note && <small> · {r.note}</small>}
          </span>
        </li>
      ))}
    </ul>
  );
}
