/**
 * The agreement report as a plain table (CSV, the UI's table and its exports) and as the stable JSON
 * the CLI prints: `{ unit, coders, documentCount, codes: [{ code: { name, path }, units,
 * percentAgreement, kappa, alpha }], overall: { units, percentAgreement, kappa, alpha } }`.
 */
import type { AgreementReport } from '../api/team';
import type { PlainTable } from '../reports/tables';

/** Rounded, and never "-0.000": a kappa of exactly 0 can come out of floating point a hair below it. */
const number = (value: number | null, digits: number): string => {
  if (value === null) return '';
  const shown = value.toFixed(digits);
  return Number(shown) === 0 ? (0).toFixed(digits) : shown;
};

export function agreementTable(report: AgreementReport): PlainTable {
  const header = [
    'Code',
    'Units',
    'Percent agreement',
    "Cohen's kappa",
    "Krippendorff's alpha",
    ...report.coders.map((c) => `Applied by ${c}`),
  ];
  const row = (label: string, m: AgreementReport['overall']) => [
    label,
    String(m.units),
    m.percentAgreement === null ? '' : (m.percentAgreement * 100).toFixed(1),
    number(m.kappa, 3),
    number(m.alpha, 3),
    ...m.applied.map(String),
  ];
  return {
    caption: `Agreement between ${report.coders.join(', ')} by ${report.unit} in ${report.documentCount} ${report.documentCount === 1 ? 'document' : 'documents'}`,
    header,
    rows: [
      ...report.codes.map((c) => row(c.code.path, c)),
      row('Overall (all codes pooled)', report.overall),
    ],
  };
}

export function agreementJson(report: AgreementReport) {
  const measures = (m: AgreementReport['overall']) => ({
    units: m.units,
    percentAgreement: m.percentAgreement,
    kappa: m.kappa,
    alpha: m.alpha,
  });
  return {
    unit: report.unit,
    coders: report.coders,
    documentCount: report.documentCount,
    codes: report.codes.map((c) => ({ code: { name: c.code.name, path: c.code.path }, ...measures(c) })),
    overall: measures(report.overall),
  };
}
