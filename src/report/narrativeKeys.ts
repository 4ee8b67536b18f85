/** Keys of the report's prose in `assessment.reportText`. */
export const NARRATIVE = {
  executiveSummary: 'executive-summary',
  introduction: 'introduction',
  conclusions: 'conclusions',
  pillarOverview: (pillarId: string) => `pillar:${pillarId}:overview`,
} as const;
