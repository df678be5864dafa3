/**
 * Unit conversions for display. Storage keeps canonical units (kg, mg/dL); what a person types
 * in pounds or mmol/L is converted on the way in, and back on the way out.
 */

/** Exactly, by the international yard and pound agreement (1959). */
export const KG_PER_LB = 0.45359237;
/** mg/dL per mmol/L of glucose (molar mass 180.16 g/mol), as DESIGN.md fixes it. */
export const MGDL_PER_MMOL = 18.016;

export const lbToKg = (lb: number): number => lb * KG_PER_LB;
export const kgToLb = (kg: number): number => kg / KG_PER_LB;
export const mmolToMgdl = (mmol: number): number => mmol * MGDL_PER_MMOL;
export const mgdlToMmol = (mgdl: number): number => mgdl / MGDL_PER_MMOL;

export type WeightUnit = 'kg' | 'lb';
export type GlucoseUnit = 'mg/dL' | 'mmol/L';

export const toKg = (value: number, unit: WeightUnit): number => (unit === 'kg' ? value : lbToKg(value));
export const fromKg = (kg: number, unit: WeightUnit): number => (unit === 'kg' ? kg : kgToLb(kg));
export const toMgdl = (value: number, unit: GlucoseUnit): number => (unit === 'mg/dL' ? value : mmolToMgdl(value));
export const fromMgdl = (mgdl: number, unit: GlucoseUnit): number => (unit === 'mg/dL' ? mgdl : mgdlToMmol(mgdl));

/** Regions that weigh in pounds; elsewhere kilograms. */
const IMPERIAL_REGIONS = new Set(['US', 'LR', 'MM']);
/** Regions whose meters and doctors use mmol/L; elsewhere mg/dL. */
const MMOL_REGIONS = new Set(['GB', 'IE', 'CA', 'AU', 'NZ', 'ZA', 'NL', 'SE', 'NO', 'DK', 'FI', 'IS', 'CZ', 'SK', 'SI', 'HR', 'EE', 'LV', 'LT', 'RU', 'UA', 'KZ', 'CN', 'HK', 'MY', 'SG', 'JM']);

function regionOf(lang: string): string | undefined {
  try {
    return new Intl.Locale(lang).maximize().region;
  } catch {
    return undefined;
  }
}

/** The region a language tag names ("en-GB"), else the browser's; a bare "en" says nothing of where. */
export function regionFor(lang: string): string | undefined {
  return (lang.includes('-') ? regionOf(lang) : undefined) ?? regionOf(navigator.language);
}

export const defaultWeightUnit = (region: string | undefined): WeightUnit => (IMPERIAL_REGIONS.has(region ?? '') ? 'lb' : 'kg');
export const defaultGlucoseUnit = (region: string | undefined): GlucoseUnit => (MMOL_REGIONS.has(region ?? '') ? 'mmol/L' : 'mg/dL');
