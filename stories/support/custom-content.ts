import { html } from 'lit';
import type { ExplainerContent } from '../../src/explainer/index.js';

/**
 * A blogger's own comparison, given to the element as data through its `content` property.
 * It goes through the same schema as the presets' content and any JSON file.
 */
export const homeStrengthContent: ExplainerContent = {
  schemaVersion: 1,
  eyebrow: 'Getting started',
  title: 'Three ways to start strength training at home',
  intro: 'Each works for a beginner; they differ in what you need and how you make it harder.',
  facets: [
    { id: 'equipment', label: 'What you need' },
    { id: 'progress', label: 'How you make it harder' },
    { id: 'first-week', label: 'A first week' },
  ],
  options: [
    {
      id: 'bodyweight',
      label: 'Bodyweight',
      kicker: 'No equipment',
      facets: {
        equipment: 'A patch of floor, a sturdy chair and a wall.',
        progress: 'More repetitions, slower lowering, then harder variations (wall, knee, then full push-ups).',
        'first-week': 'Two sessions of squats to a chair, wall push-ups and glute bridges: two sets of each.',
      },
    },
    {
      id: 'bands',
      label: 'Resistance bands',
      kicker: 'Small and cheap',
      facets: {
        equipment: 'A set of two or three bands of different strengths, and a door anchor.',
        progress: 'A stronger band, a shorter grip, or more repetitions.',
        'first-week': 'Two sessions of band rows, presses and squats: two sets of each.',
      },
    },
    {
      id: 'dumbbells',
      label: 'Dumbbells',
      kicker: 'Adjustable weight',
      facets: {
        equipment: 'A pair of adjustable dumbbells, or two or three fixed pairs.',
        progress: 'More weight once every set reaches the top of its repetition range.',
        'first-week': 'Two sessions of goblet squats, one-arm rows and floor presses: two sets of each.',
      },
    },
  ],
  notes: [
    {
      title: 'Whichever you choose',
      text: 'Stop each set with a couple of repetitions left in reserve, and add load or repetitions gradually from week to week.',
    },
  ],
};

/** A blogger's own comparison written in the page as an inline JSON script: no JavaScript to write. */
export const effortInlineScript = html`<script type="application/json">
        {
          "title": "How hard was that session?",
          "intro": "Three ways to gauge effort, from no equipment to a heart-rate strap.",
          "facets": [
            { "id": "how", "label": "How it works" },
            { "id": "needs", "label": "What you need" }
          ],
          "options": [
            {
              "id": "talk-test",
              "label": "Talk test",
              "facets": {
                "how": "Moderate effort: you can talk, not sing. Vigorous: only a few words at a time.",
                "needs": "Nothing."
              }
            },
            {
              "id": "session-rpe",
              "label": "Session RPE",
              "facets": {
                "how": "Rate the whole session from 0 to 10 half an hour after it ends; times its minutes, that is its load.",
                "needs": "A note of the rating and the duration."
              }
            },
            {
              "id": "heart-rate",
              "label": "Heart rate",
              "facets": {
                "how": "Time spent in heart-rate zones, as a share of your maximum.",
                "needs": "A chest strap or a watch."
              }
            }
          ]
        }
      </script>`;
