// The official report in HTML, drawn from the same ReportModel the .docx and Word renderers draw
// (src/core/report): header columns, title, subject, body blocks, signature and Nơi nhận, in the
// layout's font and sizes, on a page as wide as A4's text area.
import { makeStyles, tokens } from '@fluentui/react-components';
import { REPORT_LAYOUT as L, type ReportModel, type ReportTable } from '../../core/report';

const pt = (n: number) => `${n}pt`;
const useStyles = makeStyles({
  page: {
    fontFamily: `'${L.font}', 'Liberation Serif', 'Tinos', serif`, color: '#000', backgroundColor: '#fff',
    width: `${L.page.width}mm`, maxWidth: '100%', boxSizing: 'border-box',
    padding: `${L.margins.top}mm ${L.margins.right}mm ${L.margins.bottom}mm ${L.margins.left}mm`,
    boxShadow: tokens.shadow8, lineHeight: 1.35,
  },
  header: { display: 'grid', gridTemplateColumns: `${L.headerWidths[0]}% ${L.headerWidths[1]}%`, textAlign: 'center' },
  parent: { fontSize: pt(L.size.parentAgency), textTransform: 'uppercase' },
  agency: { fontSize: pt(L.size.agency), fontWeight: 700, textTransform: 'uppercase' },
  national: { fontSize: pt(L.size.nationalTitle), fontWeight: 700 },
  motto: { fontSize: pt(L.size.motto), fontWeight: 700 },
  rule: { width: '40%', margin: '2px auto 6px', borderTop: '1px solid #000' },
  number: { fontSize: pt(L.size.number) },
  placeDate: { fontSize: pt(L.size.placeDate), fontStyle: 'italic' },
  title: { fontSize: pt(L.size.title), fontWeight: 700, textAlign: 'center', margin: '18px 0 0' },
  subject: { fontSize: pt(L.size.subject), fontWeight: 700, textAlign: 'center', margin: '0 0 12px' },
  heading: { fontSize: pt(L.size.body), fontWeight: 700, margin: '8px 0 4px', textIndent: `${L.firstLineIndent}mm` },
  paragraph: { fontSize: pt(L.size.body), textAlign: 'justify', textIndent: `${L.firstLineIndent}mm`, margin: '0 0 6px' },
  table: { width: '100%', borderCollapse: 'collapse', fontSize: pt(L.size.table), margin: '6px 0 10px', '& th, & td': { border: '1px solid #000', padding: '2px 4px', verticalAlign: 'top' }, '& th': { fontWeight: 700, textAlign: 'center' } },
  centred: { textAlign: 'center' },
  bottom: { display: 'grid', gridTemplateColumns: '50% 50%', marginTop: '16px' },
  recipientsLabel: { fontSize: pt(L.size.recipientsLabel), fontWeight: 700, fontStyle: 'italic' },
  recipients: { fontSize: pt(L.size.recipients), margin: 0, padding: 0, listStyle: 'none' },
  signature: { textAlign: 'center', fontSize: pt(L.size.signature), fontWeight: 700 },
  signer: { marginTop: '72px' },
});

function Table({ table }: { table: ReportTable }) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <colgroup>{table.widths.map((w, i) => <col key={i} style={{ width: `${w}%` }} />)}</colgroup>
      <thead><tr>{table.columns.map((c, i) => <th key={i} scope="col">{c}</th>)}</tr></thead>
      <tbody>
        {table.rows.map((row, r) => (
          <tr key={r}>{row.map((cell, c) => <td key={c} className={table.centred.includes(c) ? styles.centred : undefined}>{cell}</td>)}</tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReportHtml({ model, label }: { model: ReportModel; label: string }) {
  const styles = useStyles();
  const { header, signature } = model;
  return (
    <article className={styles.page} aria-label={label} lang="vi">
      <div className={styles.header}>
        <div>
          {header.parentAgency && <div className={styles.parent}>{header.parentAgency}</div>}
          {header.agency.split('\n').map((a) => <div key={a} className={styles.agency}>{a}</div>)}
          <div className={styles.rule} />
          <div className={styles.number}>{header.number}</div>
        </div>
        <div>
          <div className={styles.national}>{header.nationalTitle}</div>
          <div className={styles.motto}>{header.motto}</div>
          <div className={styles.rule} />
          <div className={styles.placeDate}>{header.placeDate}</div>
        </div>
      </div>
      <p className={styles.title}>{model.title}</p>
      <p className={styles.subject}>{model.subject}</p>
      {model.body.map((block, n) => {
        switch (block.kind) {
          case 'heading':
            return <p key={n} className={styles.heading}>{block.text}</p>;
          case 'paragraph':
            return <p key={n} className={styles.paragraph}>{block.text}</p>;
          case 'table':
            return <Table key={n} table={block.table} />;
          default: {
            const unreachable: never = block;
            return unreachable;
          }
        }
      })}
      {signature && <div className={styles.bottom}>
        <div>
          <div className={styles.recipientsLabel}>{'Nơi nhận:'}</div>
          <ul className={styles.recipients}>{model.recipients.map((r, n) => <li key={n}>{r}</li>)}</ul>
        </div>
        <div className={styles.signature}>
          {signature.authority.map((a) => <div key={a}>{a}</div>)}
          <div>{signature.title}</div>
          <div className={styles.signer}>{signature.name}</div>
        </div>
      </div>}
    </article>
  );
}
