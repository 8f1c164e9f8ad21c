// The pages of the app, for the tests that visit them all (accessibility;
// the split build, offline).

export const MEETING = 'demo-fm-2018-09-28';

/**
 * Every page of the app (src/core/route.rs) with the example data, and the
 * data-testid that says it has rendered. `choose` picks an option of a
 * select before the page is checked; `open` lists buttons pressed one after
 * another to show a form (each step is checked too). A new route belongs
 * here.
 */
export const PAGES = [
  { name: 'board', path: '/', ready: 'goal-table' },
  { name: 'board 2018 for a project', path: '/?period=2018-H1&focus=project:demo-ungdom', ready: 'goal-table' },
  { name: 'board of the delår 2018, with a comment and a forecast', path: '/?period=2018-T2', ready: 'goal-comment' },
  { name: 'projects', path: '/projekt', ready: 'project-list', open: ['new-project'] },
  { name: 'project', path: '/projekt/demo-mia', ready: 'scope-figures', open: ['add-target'] },
  { name: 'project, editing its financing', path: '/projekt/demo-mia', ready: 'scope-figures', open: ['edit', 'project-add-financier'] },
  { name: 'insatser', path: '/insatser', ready: 'insats-list', open: ['new-insats', 'save'] },
  { name: 'insats', path: '/insatser/demo-ung-tyreso', ready: 'scope-figures', open: ['add-outcome', 'save'] },
  { name: 'insats with a yes/no goal', path: '/insatser/demo-tak-tat', ready: 'scope-figures' },
  { name: 'indicators', path: '/indikatorer', ready: 'indicator-list', open: ['new-indicator'] },
  { name: 'indicator', path: '/indikatorer/demo-ind-arbete', ready: 'page-title', open: ['edit'] },
  { name: 'indicator, adding a target', path: '/indikatorer/demo-ind-arbete', ready: 'page-title', open: ['add-target'] },
  { name: 'indicator with a comment, writing one', path: '/indikatorer/demo-ind-arbete', ready: 'comment-table', open: ['add-comment', 'save'] },
  { name: 'indicator in kronor, adding a forecast', path: '/indikatorer/demo-ind-esf', ready: 'page-title', open: ['add-forecast'] },
  { name: 'deltagare', path: '/deltagare', ready: 'participations' },
  { name: 'frukostmöten', path: '/frukostmoten', ready: 'new-meeting', open: ['new-meeting', 'save'] },
  { name: 'frukostmöten, past', path: '/frukostmoten', ready: 'new-meeting', choose: ['#meetings-view', 'past'] },
  { name: 'frukostmöten, calendar', path: '/frukostmoten', ready: 'new-meeting', choose: ['#meetings-view', 'calendar'] },
  { name: 'frukostmöte', path: `/frukostmoten/${MEETING}`, ready: 'meeting-facts' },
  { name: 'incheckning', path: `/frukostmoten/${MEETING}/incheckning`, ready: 'check-in' },
  { name: 'lediga platser', path: '/lediga-platser', ready: 'new-slot-report', open: ['new-slot-report'] },
  { name: 'nyhetsbrev', path: '/nyhetsbrev', ready: 'newsletter-output' },
  { name: 'presentationer', path: '/presentationer', ready: 'presentation-list' },
  { name: 'presentation', path: '/presentationer/demo-pres-2017', ready: 'slide-list' },
  { name: 'presentera, goals', path: '/presentationer/demo-pres-2017/visa?bild=1', ready: 'slide-table', deck: true },
  { name: 'presentera, indicator', path: '/presentationer/demo-pres-2017/visa?bild=3', ready: 'slide-chart', deck: true },
  { name: 'presentera, meetings', path: '/presentationer/demo-pres-2017/visa?bild=5', ready: 'slide-chart', deck: true },
  { name: 'uppföljningsrapport', path: '/rapport?period=2017', ready: 'report' },
  { name: 'uppföljningsrapport, delår', path: '/rapport?period=2018-T2', ready: 'goal-comment' },
  { name: 'organisation', path: '/organisation', ready: 'organisation-form' },
  { name: 'dela data', path: '/dela', ready: 'export-button' },
  { name: 'inställningar', path: '/installningar', ready: 'settings-load-demo' },
  { name: 'tillgänglighet', path: '/tillganglighet', ready: 'accessibility-statement' },
  { name: 'finns inte', path: '/finns-inte', ready: null },
];
