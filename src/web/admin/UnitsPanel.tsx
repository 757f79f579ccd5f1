// The unit directory, filterable by name, and the CSV import: the file is checked first (what would
// be added or changed, or every bad line), and only then applied.
import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  Body1, Button, Field, Input, Spinner, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens,
} from '@fluentui/react-components';
import { ApiError } from '../../client/api';
import { web } from '../../text/web';
import { useSignedInUser } from '../../ui/auth';
import { Notice, errorText, type NoticeValue } from '../common/Notice';
import { importUnits, listUnits, type AdminUnit, type UnitImportResult } from '../data/admin';

const t = web.admin.units;
const useStyles = makeStyles({
  column: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  box: { display: 'flex', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', alignItems: 'flex-end', padding: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  scroll: { maxHeight: '480px', overflowY: 'auto', backgroundColor: tokens.colorNeutralBackground1 },
});

export function UnitsPanel() {
  const styles = useStyles();
  const { api } = useSignedInUser();
  const [units, setUnits] = useState<AdminUnit[] | null>(null);
  const [missing, setMissing] = useState(false);
  const [filter, setFilter] = useState('');
  const [csv, setCsv] = useState<{ name: string; text: string } | null>(null);
  const [preview, setPreview] = useState<UnitImportResult | null>(null);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [busy, setBusy] = useState(false);
  const reload = useCallback(() => {
    listUnits(api).then(setUnits, (e) => (e instanceof ApiError && e.status === 404 ? setMissing(true) : setNotice({ intent: 'error', text: errorText(e) })));
  }, [api]);
  useEffect(reload, [reload]);
  const shown = useMemo(() => {
    const f = filter.trim().toLocaleLowerCase('vi');
    return (units ?? []).filter((u) => f === '' || u.name.toLocaleLowerCase('vi').includes(f));
  }, [units, filter]);

  const run = async (dryRun: boolean) => {
    if (!csv) return;
    setBusy(true);
    setNotice(null);
    try {
      const r = await importUnits(api, csv.text, dryRun);
      if (dryRun) setPreview(r);
      else {
        setPreview(null);
        setCsv(null);
        setNotice({ intent: 'success', text: `${t.applied} ${t.preview(r.added, r.updated, r.unchanged)}` });
        reload();
      }
    } catch (e) {
      const issues = e instanceof ApiError ? (e.body as { issues?: { message: string }[] } | null)?.issues : undefined;
      setNotice({ intent: 'error', text: [errorText(e), ...(issues ?? []).map((i) => i.message)].join('\n') });
      setPreview(null);
    } finally {
      setBusy(false);
    }
  };
  if (missing) return <Body1>{web.admin.notYet}</Body1>;
  return (
    <section className={styles.column} aria-labelledby="units-title">
      <Subtitle2 as="h3" id="units-title">{t.title}</Subtitle2>
      <div className={styles.box}>
        <Field label={t.file} hint={t.importHint}>
          {(props) => <input {...props} type="file" accept=".csv,text/csv" onChange={(e) => {
            const file = e.target.files?.[0];
            setPreview(null);
            if (file) void file.text().then((text) => setCsv({ name: file.name, text }));
            else setCsv(null);
          }} />}
        </Field>
        <Button disabled={!csv || busy} onClick={() => void run(true)}>{t.dryRun}</Button>
        <Button appearance="primary" disabled={!preview || busy} onClick={() => void run(false)}>{t.apply}</Button>
      </div>
      {preview && <Body1>{t.preview(preview.added, preview.updated, preview.unchanged)}</Body1>}
      <Notice notice={notice} />
      <Field label={t.filter}><Input value={filter} onChange={(_e, d) => setFilter(d.value)} /></Field>
      {!units ? <Spinner size="tiny" label={web.loading} /> : (
        <>
          <Body1>{t.count(shown.length)}</Body1>
          {/* Scrolls on its own: focusable and named, so a keyboard can scroll it (WCAG 2.1.1). */}
          <div className={styles.scroll} tabIndex={0} role="region" aria-label={t.title}>
            <Table size="extra-small" aria-labelledby="units-title">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t.id}</TableHeaderCell>
                  <TableHeaderCell>{t.name}</TableHeaderCell>
                  <TableHeaderCell>{t.level}</TableHeaderCell>
                  <TableHeaderCell>{t.classes}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((u) => (
                  <TableRow key={u.id}>
                    <TableCell>{u.id}</TableCell>
                    <TableCell>{u.name}</TableCell>
                    <TableCell>{t.levels[u.level]}</TableCell>
                    <TableCell>{u.classes.join(', ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}
