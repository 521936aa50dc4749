import { CASE_MAP, conformanceProblems, mapProblems, NOTIFICATION_MAP, PROCESS_MAPS, type ProcessMap } from './process-map';

describe('process maps', () => {
  it.each(Object.values(PROCESS_MAPS))('$kind is a well-formed map', (map) => {
    expect(mapProblems(map)).toEqual([]);
  });

  it('finds what is wrong with a map', () => {
    const broken: ProcessMap = {
      kind: 'notification',
      name: 'x',
      nodes: [
        { id: 'a', type: 'start', name: 'a' },
        { id: 'g', type: 'exclusiveGateway', name: 'g' },
        { id: 'lost', type: 'serviceTask', name: 'lost', performer: 'RECEPTION' },
        { id: 'z', type: 'end', name: 'z' },
      ],
      flows: [
        { from: 'a', to: 'g' },
        { from: 'g', to: 'z' },
        { from: 'g', to: 'nowhere', condition: 'x' },
      ],
    };
    expect(mapProblems(broken)).toEqual([
      'notification: flow g → nowhere names unknown node nowhere',
      'notification: nothing reaches lost',
      'notification: a flow out of g has no condition',
      'notification: lost leads nowhere',
    ]);
  });
});

describe('conformanceProblems', () => {
  it.each([
    ['a closed notification from a citizen', ['triage', 'done']],
    ['a professional notifier: receipt beside the triage, feedback after it', ['send-receipt', 'triage', 'send-feedback', 'done']],
    ['an investigation about abuse', ['triage', 'handover', 'child-conversation', 'done']],
    ['acute danger and abuse', ['triage', 'handover', 'acute-action', 'child-conversation', 'done']],
    ['an investigation the authority took on', ['triage', 'handover', 'open-investigation', 'child-conversation', 'done']],
    ['acute action, then the investigation', ['triage', 'handover', 'acute-action', 'open-investigation', 'done']],
    ['parallel branches interleaved', ['triage', 'send-receipt', 'handover', 'send-feedback', 'done']],
  ])('%s follows the map', (_name, entered) => {
    expect(conformanceProblems(NOTIFICATION_MAP, entered)).toEqual([]);
  });

  it.each([
    ['skips the hand-over before acute action', ['triage', 'acute-action'], 'no flow of the map leads to "acute-action"'],
    ['sends feedback before the triage', ['send-feedback', 'triage'], 'no flow of the map leads to "send-feedback"'],
    ['enters a step the map lacks', ['triage', 'call-the-police'], '"call-the-police" is not a step of the map'],
    ['enters a gateway as a step', ['decision'], '"decision" is not a step of the map'],
  ])('a workflow that %s drifts from the map', (_name, entered, problem) => {
    expect(conformanceProblems(NOTIFICATION_MAP, entered)).toEqual([expect.stringContaining(problem)]);
  });

  it('lets the case handle its requests in any order, again and again', () => {
    expect(conformanceProblems(CASE_MAP, ['accept-handover', 'change-owner', 'contribution', 'accept-handover', 'reassessment', 'tovholder', 'measure'])).toEqual([]);
  });
});
