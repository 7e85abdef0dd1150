// The agreement table as a Word appendix: what was compared, the table (codes × measures, with units
// counted) and the definitions of the measures and of the unit, so the appendix stands on its own.
// Looks (fonts, Table Grid, caption) come from the export's docx helpers, so it matches the evidence
// appendix; the styles are Word's own, for the user to restyle.
import { Document, HeadingLevel, Packer, PageOrientation, Paragraph, TextRun } from 'docx';
import type { AgreementReport } from '../../shared/api/team';
import type { TableSpec } from '../../shared/export/document';
import { agreementTable } from '../../shared/team/agreementTable';
import {
  captionParagraph,
  LANDSCAPE_WIDTH,
  PORTRAIT_WIDTH,
  tableNote,
  wordTable,
} from '../export/docx/tables';
import { documentStyles, externalStyles } from '../export/docx/styles';
import { cleanText } from '../export/docx/xml';

/** Beyond this many columns (three or more coders) the table gets a landscape page. */
const PORTRAIT_COLUMNS = 7;

/** Narrow columns break long words mid-word in Word: the measures get their usual short names. */
const SHORT_HEADERS: Record<string, string> = {
  'Percent agreement': 'Agree\u00adment (%)',
  "Cohen's kappa": 'Cohen’s κ',
  "Krippendorff's alpha": 'Krippen\u00addorff’s α' /* a soft hyphen: it may break there */,
};

function tableSpec(report: AgreementReport): TableSpec {
  const table = agreementTable(report);
  const rows = table.rows.map((row) => row.map((cell, i) => (cell === '' && i > 0 ? '—' : cell)));
  return {
    columns: table.header.map((label, i) => ({ label: SHORT_HEADERS[label] ?? label, numeric: i > 0 })),
    rowGroups: [{ caption: null, rows }],
  };
}

/** "Cohen's kappa (…): …" with the term before the first colon in bold. */
function definitionParagraph(definition: string): Paragraph {
  const colon = definition.indexOf(':');
  const term = colon > 0 ? definition.slice(0, colon + 1) : '';
  return new Paragraph({
    children: [
      new TextRun({ text: cleanText(term), bold: true }),
      new TextRun(cleanText(colon > 0 ? definition.slice(colon + 1) : definition)),
    ],
  });
}

export async function agreementDocx(report: AgreementReport, projectName: string): Promise<Buffer> {
  const spec = tableSpec(report);
  const landscape = spec.columns.length > PORTRAIT_COLUMNS;
  const documents = `${report.documentCount} ${report.documentCount === 1 ? 'document' : 'documents'}`;
  const children = [
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('Inter-coder agreement')] }),
    new Paragraph({
      children: [
        new TextRun(
          cleanText(
            `Coders compared: ${report.coders.join(', ')}. Unit: ${report.unit}. ${documents} of ${projectName} compared; ` +
              `${report.codes.length} ${report.codes.length === 1 ? 'code' : 'codes'}.`,
          ),
        ),
      ],
    }),
    captionParagraph(`Table A1. ${agreementTable(report).caption}`),
    wordTable(spec, landscape ? LANDSCAPE_WIDTH : PORTRAIT_WIDTH),
    tableNote(
      'Percent agreement in per cent; kappa and alpha to three decimals; “—” where a measure is undefined ' +
        '(kappa for more than two coders, or no variation to compare). “Applied by” counts the units on which ' +
        'each coder applied the code.',
    ),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun('Definitions')] }),
    ...report.definitions.map(definitionParagraph),
  ];
  const file = new Document({
    title: `Inter-coder agreement — ${projectName}`,
    creator: 'Passage',
    externalStyles: externalStyles(),
    styles: documentStyles(),
    sections: [
      {
        properties: {
          page: landscape
            ? { size: { width: 11906, height: 16838, orientation: PageOrientation.LANDSCAPE } }
            : { size: { width: 11906, height: 16838 } },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(file);
}
