import type { ExplainerContent } from '../content-types.js';
import { articleReferences as refs } from './references.js';

/**
 * "Two pathways to insulin sensitivity": medication and training, as the article sets them side
 * by side. It describes what the research says about each; it recommends neither.
 */
export const pathwayContent: ExplainerContent = {
  schemaVersion: 1,
  eyebrow: 'Insulin resistance',
  title: 'Two pathways to insulin sensitivity',
  intro:
    'Medication and exercise both improve insulin sensitivity, by different mechanisms. Select one to see how it works.',
  facets: [
    { id: 'site', label: 'Primary site' },
    { id: 'mechanism', label: 'Mechanism' },
    { id: 'weight', label: 'Weight dependence' },
    { id: 'context', label: 'Access or evidence' },
  ],
  options: [
    {
      id: 'pharmacological',
      label: 'GLP-1 agonists and metformin',
      kicker: 'Pharmacological',
      facets: {
        site: 'The pancreas (insulin secretion) and the liver (glucose production).',
        mechanism:
          'GLP-1 agonists strengthen glucose-dependent insulin secretion and reduce appetite. Metformin lowers the amount of glucose the liver puts out.',
        weight:
          'For GLP-1 agonists the effect is largely driven by weight loss; for metformin it depends less on weight loss.',
        context: {
          label: 'Access',
          text: 'Prescribing has grown sharply: in one analysis of people newly diagnosed with type 2 diabetes, GLP-1 use rose from under 2.5% to 21% within a decade. It is now often used early, for prediabetes and metabolic syndrome.',
        },
      },
      references: [refs.pharmaTrends2024.id],
    },
    {
      id: 'mechanical',
      label: 'Resistance and combined training',
      kicker: 'Mechanical',
      facets: {
        site: 'Skeletal muscle, which accounts for roughly 80% of insulin-stimulated glucose disposal.',
        mechanism:
          'More GLUT4 transporters and a greater capacity for glucose uptake in muscle: a direct adaptation to training.',
        weight:
          'Happens without significant weight loss. The muscle adapts because it was trained, not only because weight changed.',
        context: {
          label: 'Evidence',
          text: 'In recent reviews, combined aerobic and resistance training shows the most comprehensive improvement across metabolic markers.',
        },
      },
      references: [refs.zhang2025.id, refs.nineInterventions2025.id, refs.metabolites2025.id, refs.rashwan2025.id],
    },
  ],
  notes: [
    {
      title: 'Not competing options',
      text: 'The two act on different tissue through different mechanisms. Many people reasonably use both: medication working on insulin secretion and the liver’s glucose output, training working on the muscle that is responsible for most glucose clearance.',
    },
  ],
  references: [refs.zhang2025, refs.nineInterventions2025, refs.metabolites2025, refs.rashwan2025, refs.pharmaTrends2024],
};
