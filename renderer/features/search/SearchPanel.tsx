export function SearchPanel() {
  return <p className="muted">Search is not available yet.</p>;
}
