/**
 * The built-in demo article, written by the claimtrail team for this purpose (it reports no
 * real events): a few paragraphs with a clear example of each label.
 */
export const DEMO_META = {
  title: 'Riverside council votes to reopen the old ferry',
  author: 'The claimtrail team',
  outlet: 'claimtrail demo',
  published: '2026-11-01',
};

export const DEMO_TEXT = `Riverside council votes to reopen the old ferry

The town council of Riverside voted 7 to 2 on Tuesday to reopen the ferry crossing that closed in 1998, according to the published minutes of the meeting.

The council's own budget report puts the cost of a new landing stage at 1.4 million euros, to be shared with the regional transport fund.

Councillor Mara Quist told the meeting that "nobody has used the crossing since the bridge opened." The bridge authority's traffic counts for last year, however, record more than 300 cyclists a day taking the riverbank path to the old landing.

A spokesperson for the ferry campaign claimed the service would pay for itself within three years; the council's report projects a subsidy for at least the first eight.

Reopening the ferry is the best thing to happen to this town in a generation. 🚣

It would be a shame to let the old landing fall into the river.

How to try claimtrail on this page: select a sentence above, then choose Sourced (it names where it comes from), Disputed (evidence contradicts it) or Opinion (a judgement, not a checkable fact), or press 1, 2 or 3.
`;
