/** The agents the demo backend and the fake cloud know. User ids follow Vonage's `USR-` form. */
export const demoAgents = [
  { userName: 'Jane', userId: 'USR-0e5a3b7c-jane', displayName: 'Jane Doe' },
  { userName: 'Joe', userId: 'USR-4c1d9f2e-joe', displayName: 'Joe Bloggs' },
] as const;

export type DemoAgent = (typeof demoAgents)[number];
