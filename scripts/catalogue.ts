// `npm run catalogue [-- --in plan.txt|plan.docx --out seeds/x.json --review-file seeds/x.review.json
//   --plan-id x --year 2027 --check --review]`
// Reads a plan (text or the signed .docx) and its hand review, writes the catalogue; with --check,
// only compares; with --review, prints every row read beside its source line and writes nothing.
// The importing itself is pure (src/core/import); this file does the I/O and the exit codes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareCatalogueText, emptyReview, formatReview, importPlan, parseReview, readDocx, serializeCatalogue, type PlanSource } from '../src/core/import';

const DEFAULT_IN = 'seeds/ke-hoach-1174-KH-UBND-2025-chuyen-doi-so-nghe-an-2026.txt';

async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        in: { type: 'string', default: DEFAULT_IN },
        out: { type: 'string' },
        'review-file': { type: 'string' },
        'plan-id': { type: 'string' },
        year: { type: 'string' },
        check: { type: 'boolean', default: false },
        review: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
      },
    }));
  } catch (e) {
    console.error(`catalogue: tham số không hợp lệ – ${(e as Error).message}. Dùng: --in <tệp .txt/.md/.docx> --out --review-file --plan-id --year --check --review`);
    return 2;
  }
  const input = values.in as string;
  if (!existsSync(input)) {
    console.error(`catalogue: không có tệp kế hoạch ${input}`);
    return 2;
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  if (year !== undefined && !(Number.isInteger(year) && year >= 2000 && year <= 2100)) {
    console.error(`catalogue: --year phải là một năm (ví dụ 2027), không phải "${values.year}"`);
    return 2;
  }
  let text: string | PlanSource;
  if (/\.docx$/iu.test(input)) {
    const docx = await readDocx(readFileSync(input));
    if (!docx.ok) {
      for (const i of docx.issues) console.error(`catalogue: ${input}: ${i.message}`);
      return 1;
    }
    text = docx.value;
  } else text = readFileSync(input, 'utf8');

  // The review file is found by plan id; the id is derived from the text unless given.
  const probe = importPlan(text, { planId: values['plan-id'], year, review: emptyReview('') });
  if (!probe.ok) {
    for (const i of probe.issues) console.error(`catalogue: ${i.message}`);
    return 1;
  }
  const planId = values['plan-id'] ?? probe.value.catalogue.planId;
  const reviewPath = values['review-file'] ?? `seeds/${planId}.review.json`;
  let review = emptyReview(planId);
  if (existsSync(reviewPath)) {
    const parsed = parseReview(JSON.parse(readFileSync(reviewPath, 'utf8')));
    if (!parsed.ok) {
      for (const i of parsed.issues) console.error(`catalogue: ${reviewPath}: ${i.message}`);
      return 1;
    }
    review = parsed.value;
  } else {
    console.error(
      `catalogue: chưa có tệp rà soát ${reviewPath}: mọi đơn vị sẽ là "không nhận ra", hình thức báo cáo suy ra từ câu chữ. ` +
        'Kế hoạch năm sau của cùng tỉnh: dùng lại danh mục đơn vị của kế hoạch trước bằng --review-file seeds/<mã kế hoạch trước>.review.json.',
    );
  }

  const result = importPlan(text, { planId, year, review });
  if (!result.ok) {
    for (const i of result.issues) console.error(`catalogue: ${i.message}`);
    return 1;
  }
  const { catalogue, issues } = result.value;
  if (values.review) {
    process.stdout.write(formatReview(result.value));
    return 0;
  }
  if (!values.quiet) for (const i of issues) console.error(`catalogue: [${i.code}] ${i.message}`);
  const out = values.out ?? `seeds/${planId}.json`;
  const generated = serializeCatalogue(catalogue);
  const summary =
    `${catalogue.indicators.length} chỉ tiêu / ${catalogue.indicatorGroups.length} nhóm, ` +
    `${catalogue.tasks.length} nhiệm vụ / ${catalogue.taskGroups.length} nhóm, ` +
    `${catalogue.units.length} đơn vị, ${catalogue.unitClasses.length} nhóm đơn vị, ${catalogue.unread.length} mục không đọc được`;

  if (values.check) {
    const onDisk = existsSync(out) ? readFileSync(out, 'utf8') : '';
    const diff = onDisk === '' ? [`${out} does not exist`] : compareCatalogueText(onDisk, generated);
    if (diff.length > 0) {
      console.error(`catalogue --check: ${out} is out of date:`);
      for (const d of diff) console.error(`  ${d}`);
      console.error('Run `npm run catalogue` and commit the result.');
      return 1;
    }
    console.log(`catalogue --check: ${out} is up to date (${summary}).`);
    return 0;
  }
  writeFileSync(out, generated, 'utf8');
  console.log(`catalogue: wrote ${out} (${summary}).`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
