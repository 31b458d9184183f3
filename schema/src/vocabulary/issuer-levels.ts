import { z } from 'zod';

export const IssuerLevelSchema = z.enum([
  'party-central',
  'national-assembly',
  'government',
  'ministry',
  'province',
  'department',
  'district',
  'commune',
]);
export type IssuerLevel = z.infer<typeof IssuerLevelSchema>;

/** Levels whose documents have no local jurisdiction. */
export const nationalLevels: ReadonlySet<IssuerLevel> = new Set([
  'party-central',
  'national-assembly',
  'government',
  'ministry',
]);

/** Authority rank used to order trace roots: lower is more authoritative. */
export const levelRank: Readonly<Record<IssuerLevel, number>> = {
  'party-central': 0,
  'national-assembly': 1,
  government: 2,
  ministry: 3,
  province: 4,
  department: 5,
  district: 6,
  commune: 7,
};
