import type { ExplainerReference } from '../content-types.js';

/**
 * The article's five references, cited exactly as it gives them. Both presets cite from this list,
 * so a reference has one id and one link wherever it appears.
 */
export const articleReferences = {
  zhang2025: {
    id: 'zhang2025',
    citation:
      'Zhang Q, Guo Y, Zhang H, Xu W, Yin L. Effects of aerobic, resistance, interval, and combined training on glucose metabolism in older adults: insights into type, dose, and mechanism. Front Physiol. 2025;16:1702669.',
    doi: '10.3389/fphys.2025.1702669',
  },
  nineInterventions2025: {
    id: 'nineInterventions2025',
    citation:
      'Effects of nine different exercise interventions on insulin sensitivity in diabetic patients: a systematic review and network meta-analysis. Front Endocrinol. 2025.',
    doi: '10.3389/fendo.2025.1409474',
  },
  metabolites2025: {
    id: 'metabolites2025',
    citation:
      'Optimizing exercise for type 2 diabetes management: comparative insights from aerobic, resistance, interval and combined training protocols. Metabolites. 2025;15:739.',
    pmc: 'PMC12654782',
  },
  rashwan2025: {
    id: 'rashwan2025',
    citation:
      'Rashwan B, et al. Differential effects of aerobic, resistance, and combined trainings on first- and second-phase insulin secretion and glucose effectiveness in type 2 diabetes: a randomized controlled trial. J Diabetes Res. 2025;2025:9922344.',
    doi: '10.1155/jdr/9922344',
  },
  pharmaTrends2024: {
    id: 'pharmaTrends2024',
    citation:
      'Trends in pharmacological treatment of patients with new onset type 2 diabetes: usage patterns in an evolving guideline landscape. 2024.',
    pmc: 'PMC12134773',
  },
} as const satisfies Record<string, ExplainerReference>;

/** The five in the article's order. */
export const articleReferenceList: ExplainerReference[] = Object.values(articleReferences);
