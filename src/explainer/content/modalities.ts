import type { ExplainerContent } from '../content-types.js';
import { articleReferences as refs } from './references.js';

/**
 * "What the exercise research actually tested": the four training modalities the article
 * compares. The wording is ours; the figures and the references are the article's.
 */
export const modalityContent: ExplainerContent = {
  schemaVersion: 1,
  eyebrow: 'Exercise research',
  title: 'What the exercise research actually tested',
  intro:
    'Recent reviews compare particular kinds of training, not “exercise” as a whole. Select one to see what it targets.',
  facets: [
    { id: 'effect', label: 'Insulin sensitivity effect' },
    { id: 'targets', label: 'What it targets' },
    { id: 'approach', label: 'Protocol, mechanism or evidence' },
    { id: 'finding', label: 'Notable finding' },
  ],
  options: [
    {
      id: 'aerobic',
      label: 'Aerobic training',
      facets: {
        effect: 'Moderate to strong',
        targets:
          'Cardiovascular capacity and the density of mitochondria in muscle; glucose uptake during and after exercise improves as a secondary effect.',
        approach: {
          label: 'Typical protocol in trials',
          text: '25 to 45 minutes at 70 to 75% of maximum heart rate, three times a week.',
        },
        finding:
          'Its protective effect on insulin resistance has been seen even under conditions that otherwise raised visceral fat and inflammation.',
      },
      references: [refs.zhang2025.id, refs.nineInterventions2025.id, refs.metabolites2025.id, refs.rashwan2025.id],
    },
    {
      id: 'resistance',
      label: 'Resistance training',
      facets: {
        effect: 'Strong, weight-independent',
        targets:
          'Skeletal muscle itself: the tissue that accounts for roughly 80% of insulin-stimulated glucose disposal.',
        approach: {
          label: 'Mechanism',
          text: 'More GLUT4 transporters in muscle and a greater capacity to take up glucose, an adaptation that does not depend on significant weight loss.',
        },
        finding:
          'Mechanistic studies now look specifically at how resistance training makes muscle more sensitive to insulin by routes that are separate from weight change.',
      },
      references: [refs.zhang2025.id, refs.nineInterventions2025.id, refs.metabolites2025.id, refs.rashwan2025.id],
    },
    {
      id: 'hiit',
      label: 'High-intensity interval training (HIIT)',
      facets: {
        effect: 'Strong, time-efficient',
        targets:
          'Quick gains in glucose metabolism from repeated bouts of hard effort, with particularly good results in older adults.',
        approach: {
          label: 'Typical protocol in trials',
          text: 'Short bursts of high effort separated by recovery intervals; sessions are usually shorter in total than steady aerobic work.',
        },
        finding:
          'Several intervention trials report meaningful improvements in glucose metabolism in older adults specifically.',
      },
      references: [refs.zhang2025.id, refs.metabolites2025.id],
    },
    {
      id: 'combined',
      label: 'Combined aerobic and resistance training',
      facets: {
        effect: 'Most comprehensive',
        targets:
          'The cardiovascular and the muscular pathways at once, reaching insulin secretion, glucose handling by the liver and glucose uptake by muscle together.',
        approach: {
          label: 'Evidence base',
          text: 'A 2025 narrative review in older adults found that combined training improved metabolic markers more comprehensively over the long term than either modality on its own.',
        },
        finding:
          'Network meta-analyses that compare many exercise types consistently place combined training among the most effective approaches for fasting glucose and insulin sensitivity.',
      },
      references: [refs.zhang2025.id, refs.nineInterventions2025.id, refs.metabolites2025.id, refs.rashwan2025.id],
    },
  ],
  notes: [
    {
      title: 'Why this matters for programming',
      text: '“Move more” points the right way but sells short what the research supports. The kind of training and its dose both matter, and getting them right depends on monitoring how a person responds, not only on whether a session happened.',
    },
  ],
  references: [refs.zhang2025, refs.nineInterventions2025, refs.metabolites2025, refs.rashwan2025],
};
