import { BpmnModdle, type BpmnTypes } from 'bpmn-moddle';
import { type MapNode, NOTIFICATION_MAP, PROCESS_MAPS, type ProcessMap } from '@sagsflow/domain';
import { PERFORMER_NAMES, processBpmn } from './bpmn';
import { type Bounds, layoutMap, type Point } from './layout';

type Process = BpmnTypes['bpmn:Process'];
type Shape = BpmnTypes['bpmndi:BPMNShape'];
type Edge = BpmnTypes['bpmndi:BPMNEdge'];
type Element = { id: string; $type: string; name?: string } & Record<string, unknown>;

const MAPS = Object.values(PROCESS_MAPS);

async function parsed(map: ProcessMap) {
  const { rootElement, warnings } = await new BpmnModdle().fromXML(await processBpmn(map));
  const process = rootElement.rootElements!.find((e) => e.$type === 'bpmn:Process') as Process;
  const collaboration = rootElement.rootElements!.find((e) => e.$type === 'bpmn:Collaboration') as BpmnTypes['bpmn:Collaboration'];
  const plane = rootElement.diagrams![0].plane!;
  const di = plane.planeElement as unknown as (Shape | Edge)[];
  const elements = process.flowElements as unknown as Element[];
  return {
    warnings,
    process,
    collaboration,
    plane,
    elements,
    byId: (id: string) => elements.find((e) => e.id === id)!,
    shapeOf: (element: object) => di.find((d): d is Shape => d.$type === 'bpmndi:BPMNShape' && d.bpmnElement === element),
    edgeOf: (element: object) => di.find((d): d is Edge => d.$type === 'bpmndi:BPMNEdge' && d.bpmnElement === element),
  };
}

describe.each(MAPS.map((map) => [map.kind, map] as const))('the BPMN of the %s map', (_kind, map) => {
  let bpmn: Awaited<ReturnType<typeof parsed>>;
  beforeAll(async () => {
    bpmn = await parsed(map);
  });

  it('parses back with bpmn-moddle without warnings', () => {
    expect(bpmn.warnings).toEqual([]);
    expect(bpmn.plane.bpmnElement).toBe(bpmn.collaboration);
    expect(bpmn.collaboration.participants![0]).toMatchObject({ name: map.name, processRef: bpmn.process });
  });

  it('draws every flow node as a shape with bounds, and every flow as an edge with waypoints', () => {
    const flowNodes = bpmn.elements.filter((e) => e.$type !== 'bpmn:SequenceFlow');
    const flows = bpmn.elements.filter((e) => e.$type === 'bpmn:SequenceFlow');
    expect(flowNodes.length).toBeGreaterThanOrEqual(map.nodes.length);
    expect(flows).toHaveLength(map.flows.length);
    const drawn = (bounds?: { x?: number; y?: number; width?: number; height?: number }) => !!bounds && [bounds.x, bounds.y].every(Number.isFinite) && bounds.width! > 0 && bounds.height! > 0;
    expect(flowNodes.filter((node) => !drawn(bpmn.shapeOf(node)?.bounds)).map((node) => node.id)).toEqual([]);
    expect(flows.filter((flow) => (bpmn.edgeOf(flow)?.waypoint?.length ?? 0) < 2).map((flow) => flow.id)).toEqual([]);
  });

  it('keeps every step of the map, by its id, as the BPMN element of its kind, named in Danish', () => {
    const type: Record<MapNode['type'], string> = {
      start: 'bpmn:StartEvent',
      end: 'bpmn:EndEvent',
      userTask: 'bpmn:UserTask',
      serviceTask: 'bpmn:ServiceTask',
      exclusiveGateway: 'bpmn:ExclusiveGateway',
      parallelGateway: 'bpmn:ParallelGateway',
      eventGateway: 'bpmn:EventBasedGateway',
      messageEvent: 'bpmn:IntermediateCatchEvent',
    };
    for (const node of map.nodes) expect(bpmn.byId(node.id)).toMatchObject({ $type: type[node.type], name: node.name });
    // What follows an event-based gateway is an event the process waits for (BPMN 2.0 §10.5.6).
    for (const flow of map.flows.filter((f) => map.nodes.find((n) => n.id === f.from)?.type === 'eventGateway')) {
      expect(bpmn.byId(flow.to)).toMatchObject({ $type: 'bpmn:IntermediateCatchEvent', eventDefinitions: [expect.objectContaining({ $type: 'bpmn:MessageEventDefinition' })] });
    }
  });

  it('puts each task in the lane of its performer, with the Danish names', () => {
    const lanes = bpmn.process.laneSets![0].lanes!;
    for (const node of map.nodes) {
      if (!('performer' in node)) continue;
      const lane = lanes.find((l) => l.flowNodeRef!.includes(bpmn.byId(node.id) as never))!;
      expect({ task: node.id, lane: lane.name }).toEqual({ task: node.id, lane: PERFORMER_NAMES[node.performer] });
    }
    const inLanes = lanes.flatMap((lane) => lane.flowNodeRef!);
    expect(new Set(inLanes).size).toBe(inLanes.length);
    expect(inLanes).toHaveLength(bpmn.elements.filter((e) => e.$type !== 'bpmn:SequenceFlow').length);
  });

  it('draws each deadline as a non-interrupting timer on its task, labelled as the map labels it, with its rule', () => {
    for (const node of map.nodes) {
      if (node.type !== 'userTask' || !node.deadline) continue;
      const timer = bpmn.elements.find((e) => e.$type === 'bpmn:BoundaryEvent' && e.attachedToRef === bpmn.byId(node.id)) as unknown as BpmnTypes['bpmn:BoundaryEvent'];
      expect(timer).toMatchObject({ name: node.deadline.label, cancelActivity: false, documentation: [expect.objectContaining({ text: node.deadline.rule })] });
      expect(timer.eventDefinitions!.map((d) => d.$type)).toEqual(['bpmn:TimerEventDefinition']);
      const [task, drawn] = [bpmn.shapeOf(bpmn.byId(node.id))!.bounds!, bpmn.shapeOf(timer)!.bounds!];
      expect(drawn.y! + drawn.height! / 2).toBe(task.y! + task.height!); // on the task's lower edge
    }
  });

  it('names each flow out of an exclusive gateway by its condition, with the condition as expression or as the default flow', () => {
    for (const flow of map.flows.filter((f) => f.condition)) {
      const element = bpmn.elements.find((e) => e.$type === 'bpmn:SequenceFlow' && (e.sourceRef as Element).id === flow.from && (e.targetRef as Element).id === flow.to)!;
      const gateway = bpmn.byId(flow.from);
      expect(element.name).toBe(flow.condition);
      if (flow.condition === 'ellers') expect(gateway.default).toBe(element);
      else expect(element.conditionExpression).toMatchObject({ $type: 'bpmn:FormalExpression', body: flow.condition });
    }
  });
});

describe('the layout', () => {
  const inside = (p: Point, b: Bounds) => p.x > b.x + 1 && p.x < b.x + b.width - 1 && p.y > b.y + 1 && p.y < b.y + b.height - 1;
  const onEdge = (p: Point, b: Bounds) =>
    p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height && !inside(p, b);
  /** Whether an axis-parallel segment passes through a shape's inside. */
  const crosses = (a: Point, b: Point, box: Bounds) => {
    const [x1, x2, y1, y2] = [Math.min(a.x, b.x), Math.max(a.x, b.x), Math.min(a.y, b.y), Math.max(a.y, b.y)];
    return x1 < box.x + box.width - 1 && x2 > box.x + 1 && y1 < box.y + box.height - 1 && y2 > box.y + 1;
  };

  it.each(MAPS.map((map) => [map.kind, map] as const))('of %s: shapes apart, in their lanes, flows orthogonal from edge to edge and through no other shape', (_kind, map) => {
    const layout = layoutMap(map);
    const shapes = [...layout.shapes.entries()];
    for (const [a, boxA] of shapes) {
      for (const [b, boxB] of shapes) if (a < b) expect({ a, b, overlap: crosses({ x: boxA.x, y: boxA.y }, { x: boxA.x + boxA.width, y: boxA.y + boxA.height }, boxB) }).toEqual({ a, b, overlap: false });
    }
    const within = (inner: Bounds, outer: Bounds) =>
      inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
    for (const lane of layout.lanes) {
      expect(within(lane.bounds, layout.participant)).toBe(true);
      for (const id of lane.nodeIds) expect({ id, inLane: within(layout.shapes.get(id)!, lane.bounds) }).toEqual({ id, inLane: true });
    }
    map.flows.forEach((flow, i) => {
      const points = layout.edges[i].waypoints;
      expect(onEdge(points[0], layout.shapes.get(flow.from)!)).toBe(true);
      expect(onEdge(points[points.length - 1], layout.shapes.get(flow.to)!)).toBe(true);
      for (let p = 1; p < points.length; p++) {
        expect(points[p].x === points[p - 1].x || points[p].y === points[p - 1].y).toBe(true);
        for (const [id, box] of shapes) {
          if (id === flow.from || id === flow.to) continue;
          expect({ flow: `${flow.from} → ${flow.to}`, through: id, crosses: crosses(points[p - 1], points[p], box) }).toEqual({ flow: `${flow.from} → ${flow.to}`, through: id, crosses: false });
        }
      }
    });
  });

  it('orders the columns by the longest path from the start', () => {
    const { shapes } = layoutMap(NOTIFICATION_MAP);
    const x = (id: string) => shapes.get(id)!.x + shapes.get(id)!.width / 2;
    expect(x('received')).toBeLessThan(x('letters-and-triage'));
    expect(x('triage')).toBe(x('receipt-needed'));
    // acute → acute-action → abuse is longer than acute → abuse
    expect(x('abuse')).toBeGreaterThan(x('acute-action'));
    expect(x('done')).toBe(Math.max(...[...shapes.values()].map((b) => b.x + b.width / 2)));
  });

  it('refuses a map that is not well formed, naming the problem', () => {
    const broken: ProcessMap = { ...NOTIFICATION_MAP, flows: [...NOTIFICATION_MAP.flows, { from: 'triage', to: 'nowhere' }] };
    expect(() => layoutMap(broken)).toThrow(/names unknown node nowhere/);
  });
});
