import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from 'docx';

// The pieces both Word files share: Chinese fonts set for East Asian text in the styles (仿宋 for the
// body, 黑体 for headings, 宋体 for the title and tables), A4, tables that repeat their header row.

const LATIN = 'Times New Roman';
const fonts = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });

/** Half-points: 三号 16 pt, 四号 14 pt, 小四 12 pt, 五号 10.5 pt. */
const SIZE = { title: 36, heading: 30, body: 28, table: 24, small: 21 } as const;

const STYLES = {
  default: {
    document: { run: { font: fonts('仿宋'), size: SIZE.body }, paragraph: { spacing: { line: 360 } } },
    title: { run: { font: fonts('宋体'), size: SIZE.title, bold: true }, paragraph: { alignment: AlignmentType.CENTER } },
    heading1: {
      run: { font: fonts('黑体'), size: SIZE.heading, bold: false, color: '000000' },
      paragraph: { spacing: { before: 240, after: 120 } },
    },
  },
  paragraphStyles: [
    {
      id: 'TableText',
      name: 'Table Text',
      basedOn: 'Normal',
      run: { font: fonts('宋体'), size: SIZE.table },
      paragraph: { spacing: { line: 276 } },
    },
    { id: 'Small', name: 'Small', basedOn: 'Normal', run: { font: fonts('仿宋'), size: SIZE.small } },
  ],
};

/** A4 in twips, with 2.54 cm margins: portrait, or landscape for the wide summary table. */
export function page(landscape: boolean): ISectionOptions['properties'] {
  const [short, long] = [11_906, 16_838];
  return {
    page: {
      size: landscape ? { width: long, height: short, orientation: 'landscape' } : { width: short, height: long },
      margin: { top: 1440, bottom: 1440, left: 1440, right: 1440 },
    },
  };
}

export const title = (text: string) => new Paragraph({ text, heading: HeadingLevel.TITLE });
export const centred = (text: string) => new Paragraph({ text, alignment: AlignmentType.CENTER });
export const heading = (text: string) => new Paragraph({ text, heading: HeadingLevel.HEADING_1 });
export const line = (text: string) => new Paragraph({ text });
export const small = (text: string) => new Paragraph({ text, style: 'Small' });
export const blank = () => new Paragraph({ text: '' });
/** A line with a bold label and the rest plain (signature lines, minimums). */
export const labelled = (label: string, rest: string) =>
  new Paragraph({ children: [new TextRun({ text: label, bold: true }), new TextRun({ text: rest })], spacing: { before: 240 } });

const cell = (text: string | number, bold = false) =>
  new TableCell({
    verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ style: 'TableText', children: [new TextRun({ text: String(text), bold })] })],
  });

/** A full-width table: a bold header row repeated on every page, then the rows. */
export function table(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number>>): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
      ...rows.map((row) => new TableRow({ cantSplit: true, children: row.map((value) => cell(value)) })),
    ],
  });
}

/** Label/value pairs two to a row (the report's head: 姓名, 界别, 统计期间, 生成时间). */
export function infoTable(pairs: ReadonlyArray<readonly [string, string]>): Table {
  const rows: TableRow[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    const two = pairs.slice(i, i + 2);
    rows.push(new TableRow({ children: two.flatMap(([label, value]) => [cell(label, true), cell(value)]) }));
  }
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows });
}

/** Packs one section into a .docx file. */
export function pack(meta: { title: string; creator: string }, section: ISectionOptions): Promise<Buffer> {
  const document = new Document({ title: meta.title, creator: meta.creator, styles: STYLES, sections: [section] });
  return Packer.toBuffer(document);
}
