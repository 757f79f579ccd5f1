// The shape of a plan catalogue (seeds/<planId>.json), produced from the plan's text by the
// importer (scripts/catalogue.ts). Source of truth: docs/domain.md §1–3.

/** Mục tiêu 2026 of Phụ lục 01, parsed. Percentages are numbers on a 0–100 scale. */
export type Target =
  /** "≥ 70%", "≥60%", or a bare "95%" (explicit=false): the level to reach. */
  | { readonly kind: 'atLeast'; readonly value: number; readonly explicit: boolean; readonly qualifier?: string }
  /** "> 60%", ">80%": strictly more than. */
  | { readonly kind: 'greaterThan'; readonly value: number; readonly qualifier?: string }
  /** "50-80%": below min not met, min–max met, above max exceeded (still met). */
  | { readonly kind: 'band'; readonly min: number; readonly max: number }
  /** "Hoàn thành": done / not done. */
  | { readonly kind: 'complete' }
  /** "Có": exists / does not. */
  | { readonly kind: 'exists' }
  /** "Ứng dụng": applied in practice, with a description of the application. */
  | { readonly kind: 'applied' }
  /**
   * A target the grammar cannot read ("≤ 3 Đông Nam Á", free text), kept verbatim: the product
   * shows it and the units' values but does not decide đạt / chưa đạt – a person does.
   */
  | { readonly kind: 'manual'; readonly text: string };

/** How one unit reports an indicator. */
export type ReportingForm =
  /** Có / Không for this unit (e.g. a commune has a smart loudspeaker system or not). */
  | { readonly kind: 'yesNo' }
  /** A count pair: numerator of denominator (e.g. trained staff of all staff). */
  | { readonly kind: 'countPair'; readonly numeratorLabel: string; readonly denominatorLabel: string }
  /** The rate itself, in percent (one named source unit). */
  | { readonly kind: 'rate' }
  /** Hoàn thành / Đang triển khai / Chưa triển khai, with evidence text. */
  | { readonly kind: 'status' }
  /** Applied yes/no, with a description of the application. */
  | { readonly kind: 'applied' };

/** How the province figure is made from the units' values. */
export type AggregationRule =
  /** Units answering yes (or done / applied) ÷ all responsible units, in percent. */
  | { readonly kind: 'shareYes' }
  /** Σ numerators ÷ Σ denominators, in percent – never the mean of percentages. */
  | { readonly kind: 'ratioOfSums' }
  /**
   * One unit's value is the province figure. `unitId` names the unit whose system holds the figure
   * when the plan's lead cell names several (never a sum that counts one citizen, procedure or
   * payment once per unit); absent, the one unit of the lead cell.
   */
  | { readonly kind: 'singleSource'; readonly unitId?: string }
  /**
   * One rate per sector where the plan's wording lists sectors, each from its own unit; the province
   * is met when every sector meets the target (never one average over sectors).
   */
  | { readonly kind: 'perSector'; readonly sectors: readonly { readonly label: string; readonly unitId: string }[] }
  /** Met only when every responsible unit reports done / yes / applied. */
  | { readonly kind: 'allComplete' };

/**
 * Whose value the target (Mục tiêu 2026) judges: the province figure only (a unit's value is a
 * contribution), each unit's own value as well (e.g. 100 % of each agency's staff), or the single
 * source whose value is the province figure.
 */
export type TargetLevel = 'province' | 'unit' | 'single';

/** A stock is counted at the cut-off ("tính đến ngày …"); a flow over the period ("từ ngày … đến ngày …"). */
export type MeasureKind = 'stock' | 'flow';

/** A report period's code; which of them a plan asks for is its reporting scheme. */
export type PeriodCode = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'H1' | '9M' | 'Y';

/** The reports a plan asks for in its year, per kind (indicators, tasks). */
export interface ReportingScheme {
  readonly periods: readonly PeriodCode[];
  /** Why this scheme (the plan's words), one line. */
  readonly reason: string;
}

/** A deadline of Phụ lục 02 ("Thời gian hoàn thành"), parsed. */
export type Deadline =
  | { readonly kind: 'quarter'; readonly year: number; readonly quarter: 1 | 2 | 3 | 4 }
  | { readonly kind: 'month'; readonly year: number; readonly month: number }
  | { readonly kind: 'year'; readonly year: number }
  /** "Thường xuyên": ongoing, no fixed date. */
  | { readonly kind: 'ongoing' }
  /** "Từ 2026", "Từ năm 2026": starts then, no fixed end. */
  | { readonly kind: 'fromYear'; readonly year: number }
  /** "Theo Đề án 06", "Theo yêu cầu của Bộ KH&CN", …: set by another document, no fixed date. */
  | { readonly kind: 'byReference'; readonly text: string }
  /** The plan has no deadline cell. */
  | { readonly kind: 'none' };

/** A reference to who is responsible: one unit, or a class of units that resolves to its members. */
export type UnitRef = { readonly kind: 'unit'; readonly unitId: string } | { readonly kind: 'class'; readonly classId: string };

export interface UnitClass {
  readonly id: string;
  readonly label: string;
  /** Other spellings of the label met in plans ("các địa phương" for UBND cấp xã). */
  readonly aliases?: readonly string[];
  /** Classes whose members also belong to this one ("Các sở, ban, ngành, địa phương" = so-ban-nganh + cap-xa). */
  readonly includes?: readonly string[];
}

export interface Unit {
  readonly id: string;
  readonly name: string;
  /** Class tags, so that a class in a lead cell resolves to its members. */
  readonly classes: readonly string[];
  /** Commune / ward ("xa" | "phuong") for local units; absent for provincial agencies. */
  readonly level?: 'province' | 'commune';
  /** Other spellings met in plans ("Sở Công thương" for "Sở Công Thương"). */
  readonly aliases?: readonly string[];
}

export interface Group {
  readonly id: string; // roman numeral as printed: "I" … "IX"
  readonly title: string;
}

export interface Indicator {
  readonly id: string; // "ct-01", …; a sub-row 11.1: "ct-11.1"
  readonly no: number;
  readonly group: string; // Group.id
  readonly text: string;
  readonly targetText: string;
  readonly target: Target;
  /** The plan's own "Đơn vị tính" column beside the target ("%", "hệ thống"), when it has one. */
  readonly unit?: string;
  /** A sub-row (11.1 under 11): its parent indicator's id. */
  readonly parent?: string;
  /** TT as printed when it is not just `no` ("11.1"); a sub-row's `no` is its parent's. */
  readonly tt?: string;
  readonly leadText: string;
  readonly lead: readonly UnitRef[];
  readonly form: ReportingForm;
  readonly formReason: string;
  readonly aggregation: AggregationRule;
  readonly aggregationReason: string;
  readonly level: TargetLevel;
  readonly levelReason: string;
  readonly measure: MeasureKind;
  /** Measurable only once a year (a GRDP share, a yearly survey): left out of shorter periods. */
  readonly yearlyOnly: boolean;
  /** Who reports: the lead cell's units unless the review names others (a single source, the sectors the text names). */
  readonly reporters: readonly UnitRef[];
  /** Who reports while `reporters` resolves to nobody (a class no unit is tagged with yet). */
  readonly fallbackReporters?: readonly UnitRef[];
  /** Plan anomalies and readings (an obsolete unit name, a document dated after the plan). */
  readonly notes?: readonly string[];
}

export interface Task {
  readonly id: string; // "nv-01" … "nv-84"; the unnumbered task of group VIII: "nv-VIII-a"
  readonly no: number | null;
  readonly group: string;
  readonly subgroup: string | null;
  /** A sub-row (12.1 under 12): its parent task's id; `no` is the parent's, `tt` as printed. */
  readonly parent?: string;
  readonly tt?: string;
  /** Verbatim; bulleted cells keep one bullet per line ("\n"-joined). */
  readonly text: string;
  readonly leadText: string;
  readonly lead: readonly UnitRef[];
  /** null where the plan has no cell. */
  readonly monitorText: string | null;
  readonly monitor: readonly UnitRef[];
  /** null where the plan has no cell. */
  readonly deadlineText: string | null;
  readonly deadline: Deadline;
  /** How an irregular row of the plan was read (e.g. a cell merged across a column). */
  readonly notes?: readonly string[];
}

export interface TaskGroup extends Group {
  readonly subgroups: readonly string[];
}

export interface PlanDocument {
  readonly number: string; // "1174/KH-UBND"
  readonly issuedOn: string; // ISO date "2025-12-31"
  readonly issuer: string;
  readonly signer?: string;
  readonly title: string;
  readonly planYear: number;
  readonly province: string;
}

export interface Catalogue {
  readonly planId: string; // "nghe-an-1174-2026"
  /** Bumped when the importer's output format changes; templates record it. */
  readonly catalogueVersion: number;
  readonly document: PlanDocument;
  readonly indicatorGroups: readonly Group[];
  readonly indicators: readonly Indicator[];
  readonly taskGroups: readonly TaskGroup[];
  readonly tasks: readonly Task[];
  readonly unitClasses: readonly UnitClass[];
  /** Provincial agencies named in the plan; communes and wards are loaded from CSV by the administrator. */
  readonly units: readonly Unit[];
  /**
   * The consolidating body: the unit (one of `units`) the plan's "Tổ chức thực hiện" sends the
   * reports to, which consolidates them and reports to the province (import/coordinator.ts). Absent
   * when the plan does not say: then nobody may approve its province report.
   */
  readonly coordinator?: string;
  /** Which periods units report in the plan's year. */
  readonly reportingScheme: ReportingScheme;
  /** What the importer could not read, verbatim, so nothing is silently dropped. */
  readonly unread: readonly string[];
}
