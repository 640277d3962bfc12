import type { Pipeline } from '../schema';

/**
 * The pipelines every profile starts with (DESIGN §1). Their ids are fixed and their clock is the
 * earliest possible, so two devices that seed them agree, and any edit a user makes wins.
 */
export const SEED_CLOCK = '000000000000001:00000:seed';

type Seed = Pick<Pipeline, 'id' | 'name' | 'kind' | 'stages'>;

export const DEFAULT_PIPELINES: Seed[] = [
  {
    id: '0000000000000000000000RECR',
    name: 'Recruiting',
    kind: 'recruiting',
    stages: [
      { id: 'sourced', name: 'Sourced' },
      { id: 'contacted', name: 'Contacted' },
      { id: 'replied', name: 'Replied' },
      { id: 'screened', name: 'Screened' },
      { id: 'interview', name: 'Interview' },
      { id: 'offer', name: 'Offer' },
      { id: 'hired', name: 'Hired' },
      { id: 'probation-passed', name: 'Passed probation' },
    ],
  },
  {
    id: '0000000000000000000000REFR',
    name: 'Referral 内推',
    kind: 'referral',
    stages: [
      { id: 'read', name: 'Read', points: 1 },
      { id: 'applied', name: 'Applied', points: 2 },
      { id: 'resume-qualified', name: 'Resume qualified', points: 5 },
      { id: 'interviewed', name: 'Interviewed', points: 10 },
      { id: 'hired', name: 'Hired', points: 50 },
      { id: 'probation-passed', name: 'Passed probation', points: 100 },
    ],
  },
  {
    id: '0000000000000000000000SA1E',
    name: 'Sales',
    kind: 'sales',
    stages: [
      { id: 'target', name: 'Target' },
      { id: 'contacted', name: 'Contacted' },
      { id: 'meeting', name: 'Meeting' },
      { id: 'proposal', name: 'Proposal' },
      { id: 'won', name: 'Won' },
      { id: 'lost', name: 'Lost' },
    ],
  },
];
