import { type MapFlow, type MapNode, type MapNodeType, mapProblems, type Performer, type ProcessMap } from '@sagsflow/domain';

export interface Point {
  x: number;
  y: number;
}

export interface Bounds extends Point {
  width: number;
  height: number;
}

export interface LaneLayout {
  performer: Performer;
  bounds: Bounds;
  /** The nodes drawn in the lane (svømmebane), in the map's order. */
  nodeIds: string[];
}

export interface MapLayout {
  /** The pool around the lanes: the whole process. */
  participant: Bounds;
  lanes: LaneLayout[];
  shapes: Map<string, Bounds>;
  /** The timer of each task's deadline, on the task's lower edge, by task id. */
  timers: Map<string, Bounds>;
  /** Each flow's waypoints, and where its condition stands, in the order of `map.flows`. */
  edges: EdgeLayout[];
}

export interface EdgeLayout {
  waypoints: Point[];
  /** Set only for a condition on a flow that goes round a row; bpmn-js places the others well itself. */
  label?: Bounds;
}

/** The sizes bpmn-js and Camunda Modeler draw by default, so a diagram edited there keeps its look. */
const SIZE: Record<MapNodeType, { width: number; height: number }> = {
  start: { width: 36, height: 36 },
  end: { width: 36, height: 36 },
  userTask: { width: 100, height: 80 },
  serviceTask: { width: 100, height: 80 },
  exclusiveGateway: { width: 50, height: 50 },
  parallelGateway: { width: 50, height: 50 },
  eventGateway: { width: 50, height: 50 },
  messageEvent: { width: 36, height: 36 },
};
const TIMER = 36;
const COLUMN = 160;
/** Tall enough for a timer's label under its task. */
const ROW = 150;
/** The band on the left where the pool's and each lane's name stand. */
const HEADER = 30;
const PADDING = 20;
/** How far below a row's top edge the flows that go round the row run: forward ones, and loops back. */
const BYPASS = 12;
const LOOP_BACK = 24;
/** bpmn-js's size for an external label of one line. */
const LABEL_WIDTH = 90;
const LABEL_HEIGHT = 14;

/**
 * Lays a process map out as a pool with one lane per performer: columns by the longest path from
 * the start (loops back ignored), and in each lane as many rows as its busiest column needs. Flows
 * are orthogonal and turn only in the gaps between columns or in a row's free top band, so no
 * flow crosses a shape.
 */
export function layoutMap(map: ProcessMap): MapLayout {
  const problems = mapProblems(map);
  if (problems.length > 0) throw new Error(`The ${map.kind} map cannot be drawn: ${problems.join('; ')}`);
  const start = map.nodes.find((node) => node.type === 'start')!;
  const back = loopsBack(map, start.id);
  const forward = map.flows.filter((flow) => !back.has(flow));
  const column = longestPaths(forward, start.id);
  const lane = lanesOf(map, forward, start.id);
  const row = rowsInLanes(map, forward, column, lane);

  const ordered = [...map.nodes].sort((a, b) => column.get(a.id)! - column.get(b.id)! || map.nodes.indexOf(a) - map.nodes.indexOf(b));
  const performers = [...new Set(ordered.map((node) => lane.get(node.id)!))];
  const rowsOf = (performer: Performer) => Math.max(...map.nodes.filter((n) => lane.get(n.id) === performer).map((n) => row.get(n.id)!)) + 1;
  const laneTops = new Map<Performer, number>();
  let height = 0;
  for (const performer of performers) {
    laneTops.set(performer, height);
    height += rowsOf(performer) * ROW;
  }
  const left = 2 * HEADER + PADDING;
  const columns = Math.max(...column.values()) + 1;
  const participant = { x: 0, y: 0, width: left + columns * COLUMN + PADDING, height };

  const rowTop = (id: string) => laneTops.get(lane.get(id)!)! + row.get(id)! * ROW;
  const shapes = new Map<string, Bounds>();
  for (const node of map.nodes) {
    const { width, height: h } = SIZE[node.type];
    const centre = { x: left + column.get(node.id)! * COLUMN + COLUMN / 2, y: rowTop(node.id) + ROW / 2 };
    shapes.set(node.id, { x: centre.x - width / 2, y: centre.y - h / 2, width, height: h });
  }
  const timers = new Map<string, Bounds>();
  for (const node of map.nodes) {
    if (node.type !== 'userTask' || !node.deadline) continue;
    const task = shapes.get(node.id)!;
    // At the lower right, where Camunda Modeler drops one, clear of the task's name.
    timers.set(node.id, { x: task.x + task.width - TIMER - 7, y: task.y + task.height - TIMER / 2, width: TIMER, height: TIMER });
  }

  const occupied = (performer: Performer, r: number, c: number) =>
    map.nodes.some((n) => lane.get(n.id) === performer && row.get(n.id) === r && column.get(n.id) === c);
  const route = (flow: MapFlow): EdgeLayout => {
    const [s, t] = [shapes.get(flow.from)!, shapes.get(flow.to)!];
    const sy = s.y + s.height / 2;
    const ty = t.y + t.height / 2;
    const gap = left + column.get(flow.to)! * COLUMN; // the gap left of the target's column
    const into = { x: t.x, y: ty };
    const around = (offset: number): EdgeLayout => {
      const [x, y] = [s.x + s.width / 2, rowTop(flow.from) + offset];
      // bpmn-js would put the condition above the line, on the row above: put it under, before the last turn.
      const label = flow.condition ? { x: gap - 4 - LABEL_WIDTH, y: y + 2, width: LABEL_WIDTH, height: LABEL_HEIGHT } : undefined;
      return { waypoints: [{ x, y: s.y }, { x, y }, { x: gap, y }, { x: gap, y: ty }, into], label };
    };
    if (back.has(flow)) return around(LOOP_BACK);
    let clear = true;
    for (let c = column.get(flow.from)! + 1; c < column.get(flow.to)!; c++) clear &&= !occupied(lane.get(flow.from)!, row.get(flow.from)!, c);
    if (!clear) return around(BYPASS);
    const out = { x: s.x + s.width, y: sy };
    return { waypoints: sy === ty ? [out, into] : [out, { x: gap, y: sy }, { x: gap, y: ty }, into] };
  };

  return {
    participant,
    lanes: performers.map((performer) => ({
      performer,
      bounds: { x: HEADER, y: laneTops.get(performer)!, width: participant.width - HEADER, height: rowsOf(performer) * ROW },
      nodeIds: map.nodes.filter((node) => lane.get(node.id) === performer).map((node) => node.id),
    })),
    shapes,
    timers,
    edges: map.flows.map(route),
  };
}

/** The flows that close a loop (the case's wait for its next request): those a depth-first walk finds leading back to a node still open. */
function loopsBack(map: ProcessMap, from: string): Set<MapFlow> {
  const found = new Set<MapFlow>();
  const state = new Map<string, 'open' | 'done'>();
  const visit = (id: string) => {
    state.set(id, 'open');
    for (const flow of map.flows.filter((f) => f.from === id)) {
      if (state.get(flow.to) === 'open') found.add(flow);
      else if (!state.has(flow.to)) visit(flow.to);
    }
    state.set(id, 'done');
  };
  visit(from);
  return found;
}

function longestPaths(forward: readonly MapFlow[], from: string): Map<string, number> {
  const result = new Map([[from, 0]]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const flow of forward) {
      const next = (result.get(flow.from) ?? -Infinity) + 1;
      if (next > (result.get(flow.to) ?? -1)) {
        result.set(flow.to, next);
        grew = true;
      }
    }
  }
  return result;
}

/**
 * A task's lane is its performer's; the start sits with the first task it leads to, and a
 * gateway or an end with the node a breadth-first walk from the start reaches it through.
 */
function lanesOf(map: ProcessMap, forward: readonly MapFlow[], from: string): Map<string, Performer> {
  const byId = new Map(map.nodes.map((node) => [node.id, node]));
  const order = [from];
  const parent = new Map<string, string>();
  for (let i = 0; i < order.length; i++) {
    for (const flow of forward.filter((f) => f.from === order[i])) {
      if (order.includes(flow.to)) continue;
      order.push(flow.to);
      parent.set(flow.to, order[i]);
    }
  }
  const performerOf = (id: string) => performerOfNode(byId.get(id)!);
  const first = order.map(performerOf).find((performer) => performer !== undefined);
  if (!first) throw new Error(`${map.kind}: a map without a task has no lane to draw`);
  const result = new Map<string, Performer>();
  for (const id of order) result.set(id, performerOf(id) ?? (parent.has(id) ? result.get(parent.get(id)!)! : first));
  return result;
}

function performerOfNode(node: MapNode): Performer | undefined {
  return 'performer' in node ? node.performer : undefined;
}

/**
 * Rows within each lane, column by column: a node keeps to the top row among its predecessors in
 * the same lane, so a line of steps stays straight, and moves down when that row is taken.
 */
function rowsInLanes(map: ProcessMap, forward: readonly MapFlow[], column: Map<string, number>, lane: Map<string, Performer>): Map<string, number> {
  const row = new Map<string, number>();
  const columns = Math.max(...column.values()) + 1;
  for (let c = 0; c < columns; c++) {
    const wanted = (node: MapNode) => {
      const above = forward.filter((f) => f.to === node.id && lane.get(f.from) === lane.get(node.id)).map((f) => row.get(f.from)!);
      return above.length > 0 ? Math.min(...above) : 0;
    };
    const cells = map.nodes.filter((node) => column.get(node.id) === c).map((node) => ({ node, wanted: wanted(node) }));
    cells.sort((a, b) => a.wanted - b.wanted || map.nodes.indexOf(a.node) - map.nodes.indexOf(b.node));
    const last = new Map<Performer, number>();
    for (const { node, wanted: w } of cells) {
      const performer = lane.get(node.id)!;
      const r = Math.max(w, (last.get(performer) ?? -1) + 1);
      row.set(node.id, r);
      last.set(performer, r);
    }
  }
  return row;
}
