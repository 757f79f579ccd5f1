// UI text about choosing among several plans (a server may hold a province's 2026 and 2027 plans).
export const planText = {
  /** The plan picker's label (clerk and consolidator). */
  plan: 'Kế hoạch',
  /** "1174/KH-UBND – Chuyển đổi số tỉnh … năm 2026": a plan as the picker lists it. */
  choice: (number: string, title: string): string => `${number} – ${title}`,
} as const;
