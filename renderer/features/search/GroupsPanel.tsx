export function GroupsPanel() {
  return <p className="muted">No document groups yet.</p>;
}
