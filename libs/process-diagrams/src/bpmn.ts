import { BpmnModdle, type BpmnTypes } from 'bpmn-moddle';
import { AGENCY_NAMES_DA, type MapNode, type MapNodeType, type Performer, type ProcessMap } from '@sagsflow/domain';
import { type Bounds, layoutMap } from './layout';

/** Each performer's lane (svømmebane), named as the municipality's staff name it. */
export const PERFORMER_NAMES: Record<Performer, string> = {
  ...AGENCY_NAMES_DA,
  'receiving-agency': 'Modtagende forvaltning',
  'involved-agency': 'Inddraget forvaltning',
};

const ELEMENT = {
  start: 'bpmn:StartEvent',
  end: 'bpmn:EndEvent',
  userTask: 'bpmn:UserTask',
  serviceTask: 'bpmn:ServiceTask',
  exclusiveGateway: 'bpmn:ExclusiveGateway',
  parallelGateway: 'bpmn:ParallelGateway',
  eventGateway: 'bpmn:EventBasedGateway',
  messageEvent: 'bpmn:IntermediateCatchEvent',
} as const satisfies Record<MapNodeType, keyof BpmnTypes>;

/** The condition that marks a gateway's default flow (ellers). */
const OTHERWISE = 'ellers';

type FlowNode = BpmnTypes[(typeof ELEMENT)[MapNodeType]];

/**
 * A process map as a BPMN 2.0 document with its diagram (BPMNDI), for Camunda Modeler and bpmn.io:
 * a pool with one lane per performer, user tasks under their Danish names, each deadline a
 * non-interrupting timer on its task (labelled as the map labels it, the rule in its
 * documentation), and each condition out of a gateway as the flow's name and condition.
 * Node ids are the map's step ids, the ones a workflow enters.
 */
export async function processBpmn(map: ProcessMap): Promise<string> {
  const layout = layoutMap(map);
  const moddle = new BpmnModdle();

  const nodes = new Map<string, FlowNode>(
    map.nodes.map((node) => {
      // A request the process waits for is a message catch event (what may follow an event-based gateway).
      const message = node.type === 'messageEvent' ? { eventDefinitions: [moddle.create('bpmn:MessageEventDefinition', { id: `${node.id}-message` })] } : {};
      return [node.id, moddle.create(ELEMENT[node.type], { id: node.id, name: node.name, ...message })];
    }),
  );
  const timers = map.nodes.filter(hasDeadline).map((task) =>
    moddle.create('bpmn:BoundaryEvent', {
      id: `${task.id}-deadline`,
      name: task.deadline.label,
      documentation: [moddle.create('bpmn:Documentation', { text: task.deadline.rule })],
      attachedToRef: nodes.get(task.id) as BpmnTypes['bpmn:UserTask'],
      cancelActivity: false,
      eventDefinitions: [moddle.create('bpmn:TimerEventDefinition', { id: `${task.id}-deadline-timer` })],
    }),
  );
  const flows = map.flows.map((flow) => {
    const [source, target] = [nodes.get(flow.from)!, nodes.get(flow.to)!];
    const sequenceFlow = moddle.create('bpmn:SequenceFlow', { id: `flow-${flow.from}-${flow.to}`, name: flow.condition, sourceRef: source, targetRef: target });
    if (flow.condition === OTHERWISE) (source as BpmnTypes['bpmn:ExclusiveGateway']).default = sequenceFlow;
    else if (flow.condition) sequenceFlow.conditionExpression = moddle.create('bpmn:FormalExpression', { body: flow.condition });
    source.outgoing = [...(source.outgoing ?? []), sequenceFlow];
    target.incoming = [...(target.incoming ?? []), sequenceFlow];
    return sequenceFlow;
  });

  const lanes = layout.lanes.map((lane) =>
    moddle.create('bpmn:Lane', {
      id: `lane-${lane.performer}`,
      name: PERFORMER_NAMES[lane.performer],
      flowNodeRef: lane.nodeIds.flatMap((id) => [nodes.get(id)!, ...timers.filter((timer) => timer.attachedToRef === nodes.get(id))]),
    }),
  );
  const process = moddle.create('bpmn:Process', {
    id: `process-${map.kind}`,
    name: map.name,
    isExecutable: false,
    laneSets: [moddle.create('bpmn:LaneSet', { id: `lanes-${map.kind}`, lanes })],
    flowElements: [...nodes.values(), ...timers, ...flows],
  });
  const participant = moddle.create('bpmn:Participant', { id: `participant-${map.kind}`, name: map.name, processRef: process });
  const collaboration = moddle.create('bpmn:Collaboration', { id: `collaboration-${map.kind}`, participants: [participant] });

  const shape = (element: NonNullable<BpmnTypes['bpmndi:BPMNShape']['bpmnElement']>, bounds: Bounds, attrs: Partial<BpmnTypes['bpmndi:BPMNShape']> = {}) =>
    moddle.create('bpmndi:BPMNShape', { id: `${element.id}-di`, bpmnElement: element, bounds: moddle.create('dc:Bounds', bounds), ...attrs });
  const plane = moddle.create('bpmndi:BPMNPlane', {
    id: `plane-${map.kind}`,
    bpmnElement: collaboration,
    planeElement: [
      shape(participant, layout.participant, { isHorizontal: true }),
      ...lanes.map((lane, i) => shape(lane, layout.lanes[i].bounds, { isHorizontal: true })),
      ...map.nodes.map((node) => shape(nodes.get(node.id)!, layout.shapes.get(node.id)!, node.type === 'exclusiveGateway' ? { isMarkerVisible: true } : {})),
      ...timers.map((timer) => shape(timer, layout.timers.get(timer.attachedToRef!.id!)!)),
      ...flows.map((flow, i) => {
        const { waypoints, label } = layout.edges[i];
        return moddle.create('bpmndi:BPMNEdge', {
          id: `${flow.id}-di`,
          bpmnElement: flow,
          waypoint: waypoints.map((point) => moddle.create('dc:Point', point)),
          label: label && moddle.create('bpmndi:BPMNLabel', { bounds: moddle.create('dc:Bounds', label) }),
        });
      }),
    ],
  });

  const definitions = moddle.create('bpmn:Definitions', {
    id: `definitions-${map.kind}`,
    targetNamespace: 'urn:sagsflow:processes',
    exporter: 'sagsflow',
    rootElements: [collaboration, process],
    diagrams: [moddle.create('bpmndi:BPMNDiagram', { id: `diagram-${map.kind}`, name: map.name, plane })],
  });
  return (await moddle.toXML(definitions, { format: true })).xml;
}

type UserTaskNode = Extract<MapNode, { type: 'userTask' }>;

function hasDeadline(node: MapNode): node is UserTaskNode & Required<Pick<UserTaskNode, 'deadline'>> {
  return node.type === 'userTask' && node.deadline !== undefined;
}
