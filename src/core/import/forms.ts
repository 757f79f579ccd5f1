// Default reporting form and aggregation of an indicator, inferred from its wording, target and
// lead cell (DOMAIN.md §3); the hand review (review.ts) then confirms or overrides each one.
import type { AggregationRule, MeasureKind, ReportingForm, Target, TargetLevel, UnitRef } from '../catalogue-types';

export interface FormChoice {
  readonly form: ReportingForm;
  readonly formReason: string;
  readonly aggregation: AggregationRule;
  readonly aggregationReason: string;
}

const COMMUNES = /^tỷ lệ (?:các )?xã, phường\b/iu;
const AGENCIES = /^tỷ lệ (?:các )?cơ quan, tổ chức\b/iu;
const PEOPLE = /cán bộ|công chức|người dân|công dân|dân số|người sử dụng/iu;

/**
 * The default reading of an indicator:
 * - "Hoàn thành" / "Ứng dụng" / "Có" → status / applied / yes-no; one named unit reports it
 *   (singleSource), several units must all be done (allComplete);
 * - a percentage with one named unit → that unit reports the rate (singleSource);
 * - "Tỷ lệ xã, phường …" → each commune answers Có/Không, province = share of Có (shareYes);
 * - "Tỷ lệ cơ quan, tổ chức …" → each agency answers for itself (shareYes);
 * - any other percentage fed by several units → a count pair, Σ numerators ÷ Σ denominators.
 * @example inferForm('Tỷ lệ phủ sóng 5G …', { kind: 'atLeast', value: 70, explicit: true }, [{ kind: 'unit', unitId: 'so-khcn' }]).form
 *   // { kind: 'rate' }
 */
export function inferForm(text: string, target: Target, lead: readonly UnitRef[]): FormChoice {
  const oneUnit = lead.length === 1 && lead[0].kind === 'unit';
  const many = (form: ReportingForm, what: string): FormChoice => ({
    form,
    formReason: `Mục tiêu "${what}": mỗi đơn vị chủ trì báo cáo ${describe(form)} của phần việc mình.`,
    aggregation: { kind: 'allComplete' },
    aggregationReason: `Nhiều đơn vị chủ trì: chỉ tiêu đạt khi mọi đơn vị đều ${what === 'Có' ? 'trả lời Có' : 'hoàn thành / đã ứng dụng'}.`,
  });
  const single = (form: ReportingForm, what: string): FormChoice => ({
    form,
    formReason: `Mục tiêu "${what}" do một đơn vị chủ trì: đơn vị đó báo cáo ${describe(form)}.`,
    aggregation: { kind: 'singleSource' },
    aggregationReason: 'Một đơn vị chủ trì duy nhất: số liệu của đơn vị đó là số liệu của tỉnh.',
  });
  switch (target.kind) {
    case 'complete':
      return oneUnit ? single({ kind: 'status' }, 'Hoàn thành') : many({ kind: 'status' }, 'Hoàn thành');
    case 'applied':
      return oneUnit ? single({ kind: 'applied' }, 'Ứng dụng') : many({ kind: 'applied' }, 'Ứng dụng');
    case 'exists':
      return oneUnit ? single({ kind: 'yesNo' }, 'Có') : many({ kind: 'yesNo' }, 'Có');
    case 'atLeast':
    case 'greaterThan':
    case 'band':
      break;
    default: {
      const never: never = target;
      throw new Error(`Unexpected target: ${JSON.stringify(never)}`);
    }
  }
  if (oneUnit) {
    return {
      form: { kind: 'rate' },
      formReason: 'Một đơn vị chủ trì duy nhất nắm số liệu toàn tỉnh: đơn vị đó báo cáo trực tiếp tỷ lệ (%).',
      aggregation: { kind: 'singleSource' },
      aggregationReason: 'Tỷ lệ do đơn vị chủ trì báo cáo là số liệu của tỉnh.',
    };
  }
  if (COMMUNES.test(text)) {
    return {
      form: { kind: 'yesNo' },
      formReason: '"Tỷ lệ xã, phường có/triển khai …": mỗi xã, phường trả lời Có / Không.',
      aggregation: { kind: 'shareYes' },
      aggregationReason: 'Số xã, phường trả lời Có ÷ tổng số xã, phường.',
    };
  }
  if (AGENCIES.test(text)) {
    return {
      form: { kind: 'yesNo' },
      formReason: '"Tỷ lệ cơ quan, tổ chức …": mỗi cơ quan, tổ chức tự trả lời Có / Không cho chính mình.',
      aggregation: { kind: 'shareYes' },
      aggregationReason: 'Số cơ quan, tổ chức trả lời Có ÷ tổng số cơ quan, tổ chức phải báo cáo.',
    };
  }
  return {
    form: { kind: 'countPair', numeratorLabel: 'Số đạt yêu cầu', denominatorLabel: 'Tổng số' },
    formReason: PEOPLE.test(text)
      ? 'Tỷ lệ tính trên người, nhiều đơn vị cùng báo cáo: mỗi đơn vị báo cáo cặp số (số đạt, tổng số) của mình.'
      : 'Tỷ lệ do nhiều đơn vị cùng báo cáo: mỗi đơn vị báo cáo cặp số (số đạt, tổng số) của mình.',
    aggregation: { kind: 'ratioOfSums' },
    aggregationReason: 'Tổng tử số ÷ tổng mẫu số của các đơn vị – không lấy trung bình các tỷ lệ.',
  };
}

function describe(form: ReportingForm): string {
  switch (form.kind) {
    case 'status':
      return 'trạng thái (Hoàn thành / Đang triển khai / Chưa triển khai) kèm minh chứng';
    case 'applied':
      return 'đã ứng dụng hay chưa, kèm mô tả ứng dụng';
    case 'yesNo':
      return 'Có / Không';
    case 'rate':
      return 'tỷ lệ (%)';
    case 'countPair':
      return `cặp số (${form.numeratorLabel}; ${form.denominatorLabel})`;
    default: {
      const never: never = form;
      throw new Error(`Unexpected form: ${JSON.stringify(never)}`);
    }
  }
}

export interface LevelChoice {
  readonly level: TargetLevel;
  readonly levelReason: string;
}

/**
 * Whose value the target judges, by default (docs/figures.md "Whose target"): a single source's value
 * is the province figure; "Hoàn thành / Có / Ứng dụng" of several units and any 100 % target bind
 * each unit's own part; any other share or rate is the province's, a unit's value only contributes.
 * @example inferLevel({ kind: 'atLeast', value: 70, explicit: false }, { kind: 'shareYes' }).level === 'province'
 */
export function inferLevel(target: Target, aggregation: AggregationRule): LevelChoice {
  switch (aggregation.kind) {
    case 'singleSource':
      return { level: 'single', levelReason: 'Một nguồn số liệu: giá trị đơn vị báo cáo chính là số liệu của tỉnh, được đánh giá theo mục tiêu.' };
    case 'perSector':
      return { level: 'unit', levelReason: 'Mục tiêu áp dụng cho tỷ lệ của từng lĩnh vực: mỗi đơn vị phụ trách một lĩnh vực được đánh giá riêng.' };
    case 'allComplete':
      return { level: 'unit', levelReason: 'Mục tiêu hoàn thành áp dụng cho phần việc của từng đơn vị: tỉnh đạt khi mọi đơn vị đạt.' };
    case 'shareYes':
    case 'ratioOfSums':
      if (target.kind === 'atLeast' && target.value >= 100) {
        return { level: 'unit', levelReason: 'Mục tiêu 100%: từng đơn vị phải tự đạt 100% phần của mình, nên giá trị của đơn vị được đánh giá.' };
      }
      return {
        level: 'province',
        levelReason: 'Mục tiêu là tỷ lệ của toàn tỉnh: giá trị của một đơn vị chỉ là phần đóng góp, không tự đạt hay vượt.',
      };
    default: {
      const never: never = aggregation;
      throw new Error(`Unexpected aggregation: ${JSON.stringify(never)}`);
    }
  }
}

const FLOW = /hồ sơ|phản ánh|thanh toán|chi trả|giao dịch|nội dung thông tin|GRDP|sử dụng dịch vụ công/iu;
const YEARLY = /GRDP|hàng năm|hằng năm/iu;

/**
 * Stock (counted at the cut-off) or flow (over the period), by default from the wording: dossiers,
 * complaints, payments, content produced and economic output happen in a period; what exists, is
 * connected or has been trained is counted at a date.
 * @example inferMeasure('Tỷ lệ hồ sơ nộp và giải quyết trực tuyến …') === 'flow'
 */
export const inferMeasure = (text: string): MeasureKind => (FLOW.test(text) ? 'flow' : 'stock');

/** Yearly-only by default when the wording says so ("hàng năm") or the figure is a yearly account (GRDP). */
export const inferYearlyOnly = (text: string): boolean => YEARLY.test(text);
