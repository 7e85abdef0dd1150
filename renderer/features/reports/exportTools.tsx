import type { RefObject } from 'react';
import { tablesToCsv, tableToTsv } from '../../../shared/export/csv';
import type { PlainTable } from '../../../shared/reports/tables';

function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * "Copy" (tab-separated, for spreadsheets) and "Save CSV" for every table. When what is shown is only a
 * first page, `complete` fetches the whole tables, so a copy or a CSV never stops at the page.
 */
export function TableTools({
  tables,
  name,
  complete,
}: {
  tables: PlainTable[];
  name: string;
  complete?: () => Promise<PlainTable[]>;
}) {
  const whole = async () => (complete ? await complete() : tables);
  return (
    <div className="report-tools">
      <button
        type="button"
        onClick={async () =>
          void navigator.clipboard?.writeText((await whole()).map(tableToTsv).join('\n\n'))
        }
      >
        Copy
      </button>
      <button
        type="button"
        onClick={async () =>
          download(new Blob([tablesToCsv(await whole())], { type: 'text/csv' }), `${name}.csv`)
        }
      >
        Save CSV
      </button>
    </div>
  );
}

function serialise(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return new XMLSerializer().serializeToString(copy);
}

/** "Save SVG" and "Save PNG" (the SVG drawn onto a canvas at twice its size) for every chart. */
export function ChartTools({ svgRef, name }: { svgRef: RefObject<SVGSVGElement | null>; name: string }) {
  const saveSvg = () => {
    if (svgRef.current)
      download(new Blob([serialise(svgRef.current)], { type: 'image/svg+xml' }), `${name}.svg`);
  };
  const savePng = () => {
    const svg = svgRef.current;
    if (!svg) return;
    const width = svg.width.baseVal.value;
    const height = svg.height.baseVal.value;
    const image = new Image();
    const url = URL.createObjectURL(new Blob([serialise(svg)], { type: 'image/svg+xml' }));
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = width * 2;
      canvas.height = height * 2;
      const context = canvas.getContext('2d');
      if (!context) return;
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.scale(2, 2);
      context.drawImage(image, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => blob && download(blob, `${name}.png`), 'image/png');
    };
    image.src = url;
  };
  return (
    <div className="report-tools">
      <button type="button" onClick={saveSvg}>
        Save SVG
      </button>
      <button type="button" onClick={savePng}>
        Save PNG
      </button>
    </div>
  );
}
