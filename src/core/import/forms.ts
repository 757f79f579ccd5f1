// Default reporting form and aggregation of an indicator, inferred from its wording, target and
// lead cell (DOMAIN.md §3); the hand review (review.ts) then confirms or overrides each one.
import type { AggregationRule, ReportingForm, Target, UnitRef } from '../catalogue-types';

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
    // A target kept as text: units report where they stand with evidence; a person evaluates.
    case 'manual':
      return oneUnit ? single({ kind: 'status' }, target.text) : many({ kind: 'status' }, target.text);
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
