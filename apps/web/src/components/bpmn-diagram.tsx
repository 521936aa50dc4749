import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import { type MapNode, PROCESS_MAPS, type ProcessKind } from '@sagsflow/domain';
import Viewer from 'bpmn-js/lib/Viewer';
import type Canvas from 'diagram-js/lib/core/Canvas';
import type ElementRegistry from 'diagram-js/lib/core/ElementRegistry';
import type Overlays from 'diagram-js/lib/features/overlays/Overlays';
import { useEffect, useId, useRef, useState } from 'react';
import { api } from '../api/client';
import { deadlineStateDa, performerDa, stepNameDa } from '../case-text';
import { formatDateTime } from '../text';

/** An open deadline on a step of the process (GET /api/cases/:id/processes). */
export interface StepDeadline {
  step: string;
  dueAt: string;
  state: string;
}

export interface BpmnDiagramProps {
  /** The process kind: its map names the steps (`notification`). */
  kind: string;
  /** The process's name, for the diagram's caption and accessible name. */
  title: string;
  /** Where the BPMN XML is; by default GET /api/processes/:kind/bpmn. */
  src?: string;
  /** Steps in progress now (the map's step ids, which are the BPMN element ids). Given at all, the diagram shows where the process stands. */
  active?: readonly string[];
  /** Steps done at least once. */
  completed?: readonly string[];
  /** Open deadlines, each drawn on its step with its date. */
  deadlines?: readonly StepDeadline[];
}

/** The diagrams are the same for everyone and change only with a release: fetched once per page load. */
const xmlCache = new Map<string, Promise<string>>();

function diagramXml(src: string): Promise<string> {
  let xml = xmlCache.get(src);
  if (!xml) {
    xml = api<string>(src, { as: 'text' });
    xmlCache.set(src, xml);
    xml.catch(() => xmlCache.delete(src));
  }
  return xml;
}

/** The width a printed page gives the diagram: A4 portrait less margins, in CSS pixels. */
const PRINT_WIDTH = 680;
/** Room around the drawing, in diagram units. */
const MARGIN = 30;
const OVERLAY = 'sagsflow-status';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A process diagram (BPMN 2.0, drawn by the bpmn-js viewer), optionally with where a case's process
 * stands: active steps get a thick frame and an "Aktiv" label, completed ones a "✓ Udført" label,
 * and each open deadline its date and state in words on its step — never colour alone. The viewer
 * has no keyboard or mouse-wheel handling of its own (no trap): the diagram fits the width, or
 * shows at full size in a region that scrolls the ordinary way. A text alternative follows it.
 */
export function BpmnDiagram({ kind, title, src = `/api/processes/${kind}/bpmn`, active, completed, deadlines }: BpmnDiagramProps) {
  const frame = useRef<HTMLDivElement>(null);
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<Viewer | null>(null);
  /** The drawing itself (the viewer's canvas, without the bpmn.io link beside it): the picture with the accessible name. */
  const picture = useRef<HTMLElement | null>(null);
  const box = useRef<Box | null>(null);
  const [fullSize, setFullSize] = useState(false);
  /** Whether the diagram fits the width at its natural size (then there is nothing to enlarge). */
  const [fits, setFits] = useState(true);
  const fullSizeRef = useRef(fullSize);
  fullSizeRef.current = fullSize;
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [attempt, setAttempt] = useState(0);
  const id = useId();
  const textId = `${id}-text`;
  const label = `Procesdiagram: ${title}`;

  const describe = () => {
    if (!picture.current) return;
    picture.current.setAttribute('role', 'img');
    picture.current.setAttribute('aria-label', label);
    picture.current.setAttribute('aria-describedby', textId);
  };
  const describeRef = useRef(describe);
  describeRef.current = describe;
  useEffect(() => describeRef.current(), [label, textId]);

  /**
   * Sizes the drawing: to the width available (never above its natural size), or at full size. On
   * paper it is zoomed to the page's width (`--print-scale`, used by the print style sheet), which
   * scales the drawing and its labels alike.
   */
  const layout = () => {
    const drawn = viewer.current;
    if (!drawn || !host.current || !frame.current || !box.current) return;
    const { width, height } = box.current;
    const available = Math.max(frame.current.clientWidth, 1);
    const scale = fullSizeRef.current ? 1 : Math.min(1, available / width);
    setFits(width <= available);
    host.current.style.width = `${Math.floor(width * scale)}px`;
    host.current.style.height = `${Math.ceil(height * scale)}px`;
    host.current.style.setProperty('--print-scale', String(Math.min(1, PRINT_WIDTH / (width * scale))));
    const canvas = drawn.get<Canvas>('canvas');
    canvas.resized();
    canvas.viewbox({ ...box.current });
  };
  const layoutRef = useRef(layout);
  layoutRef.current = layout;

  // The viewer: made once per diagram, and gone with the component.
  useEffect(() => {
    if (!host.current) return;
    let current = true;
    const drawn = new Viewer({ container: host.current, width: '100%', height: '100%' });
    // The drawing is a picture: its SVG takes no focus (the viewer makes it focusable for keyboard
    // bindings a viewer does not have), and its accessible name is on the element around it.
    const svg = host.current.querySelector('svg');
    svg?.removeAttribute('tabindex');
    svg?.setAttribute('focusable', 'false');
    picture.current = host.current.querySelector<HTMLElement>('.djs-container');
    describeRef.current();
    viewer.current = drawn;
    setState('loading');
    diagramXml(src)
      .then((xml) => drawn.importXML(xml))
      .then(() => {
        if (!current) return;
        box.current = drawingBounds(drawn.get<ElementRegistry>('elementRegistry'));
        layoutRef.current();
        setState('ready');
      })
      .catch(() => current && setState('failed'));
    return () => {
      current = false;
      viewer.current = null;
      picture.current = null;
      box.current = null;
      drawn.destroy();
    };
  }, [src, attempt]);

  // Fits again when the space changes (window, zoom).
  useEffect(() => {
    if (!frame.current) return;
    let lastWidth = frame.current.clientWidth;
    const observer = new ResizeObserver(() => {
      if (!frame.current || frame.current.clientWidth === lastWidth) return;
      lastWidth = frame.current.clientWidth;
      layoutRef.current();
    });
    observer.observe(frame.current);
    return () => observer.disconnect();
  }, []);

  useEffect(() => layoutRef.current(), [fullSize]);

  // Where the process stands: markers and labels on its steps, replaced whenever the case changes.
  const activeKey = JSON.stringify([active ?? [], completed ?? [], deadlines ?? []]);
  useEffect(() => {
    const drawn = viewer.current;
    if (state !== 'ready' || !drawn) return;
    const canvas = drawn.get<Canvas>('canvas');
    const overlays = drawn.get<Overlays>('overlays');
    const registry = drawn.get<ElementRegistry>('elementRegistry');
    const marked: [string, string][] = [];
    const mark = (step: string, marker: string): boolean => {
      if (!registry.get(step)) return false;
      canvas.addMarker(step, marker);
      marked.push([step, marker]);
      return true;
    };
    for (const step of active ?? []) {
      if (mark(step, 'step-active')) overlays.add(step, OVERLAY, { position: { top: -26, left: -2 }, html: badge('Aktiv', 'active') });
    }
    for (const step of completed ?? []) {
      if (active?.includes(step)) continue;
      if (mark(step, 'step-completed')) overlays.add(step, OVERLAY, { position: { top: -26, left: -2 }, html: badge('✓ Udført', 'done') });
    }
    for (const [step, open] of byStep(deadlines ?? [])) {
      // Below the step's timer and its label ("24 timer").
      if (registry.get(step)) overlays.add(step, OVERLAY, { position: { bottom: -34, left: 0 }, html: deadlineLabel(open) });
    }
    return () => {
      overlays.remove({ type: OVERLAY });
      for (const [step, marker] of marked) canvas.removeMarker(step, marker);
    };
    // activeKey stands for active, completed and deadlines, which are new arrays on every load.
  }, [state, activeKey]);

  const showsStatus = active !== undefined;
  return (
    <figure className="bpmn-figure">
      {(!fits || fullSize) && (
        <div className="button-row no-print bpmn-tools">
          <button type="button" className="button button-tertiary" aria-pressed={fullSize} onClick={() => setFullSize((full) => !full)}>
            Vis i fuld størrelse
          </button>
          {fullSize && <span className="form-hint">Diagrammet kan rulles vandret. Brug piletasterne, når det har fokus.</span>}
        </div>
      )}
      <div
        ref={frame}
        className={`bpmn-frame${fullSize ? ' bpmn-frame-full' : ''}`}
        {...(fullSize ? { tabIndex: 0, role: 'region', 'aria-label': `${label} i fuld størrelse` } : {})}
      >
        <div ref={host} className="bpmn-host" />
      </div>
      {state === 'loading' && <p className="bpmn-state">Indlæser diagrammet…</p>}
      {state === 'failed' && (
        <div className="alert alert-error bpmn-state" role="alert">
          <p className="alert-text">Diagrammet kunne ikke hentes.</p>
          <button type="button" className="button button-secondary" onClick={() => setAttempt((n) => n + 1)}>
            Prøv igen
          </button>
        </div>
      )}
      <div id={textId} className="bpmn-text">
        {showsStatus && <StatusText kind={kind} active={active} completed={completed ?? []} deadlines={deadlines ?? []} />}
        <StepsText kind={kind} />
      </div>
    </figure>
  );
}

/** Where the process stands, in words: the text alternative to the markers on the diagram. */
function StatusText({ kind, active, completed, deadlines }: { kind: string; active: readonly string[]; completed: readonly string[]; deadlines: readonly StepDeadline[] }) {
  const open = byStep(deadlines);
  const done = completed.filter((step) => !active.includes(step));
  return (
    <>
      <p className="bpmn-text-label">Aktive trin</p>
      {active.length === 0 ? (
        <p>Ingen trin er i gang.</p>
      ) : (
        <ul>
          {active.map((step) => (
            <li key={step}>
              {stepNameDa(kind, step)}
              {(open.get(step) ?? []).map((d) => (
                <span key={d.dueAt}>
                  {' '}
                  – frist <time dateTime={d.dueAt}>{formatDateTime(d.dueAt)}</time> ({deadlineStateDa(d.state)})
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {[...open.keys()]
        .filter((step) => !active.includes(step))
        .map((step) => (
          <p key={step}>
            {stepNameDa(kind, step)}:{' '}
            {open.get(step)!.map((d) => (
              <span key={d.dueAt}>
                frist <time dateTime={d.dueAt}>{formatDateTime(d.dueAt)}</time> ({deadlineStateDa(d.state)}){' '}
              </span>
            ))}
          </p>
        ))}
      <p className="bpmn-text-label">Udførte trin</p>
      <p>{done.length === 0 ? 'Ingen endnu.' : done.map((step) => stepNameDa(kind, step)).join(', ')}</p>
    </>
  );
}

/** The process's steps as text: who does each, and its deadline. */
function StepsText({ kind }: { kind: string }) {
  const map = PROCESS_MAPS[kind as ProcessKind];
  if (!map) return null;
  const steps = map.nodes.filter((node): node is Extract<MapNode, { type: 'userTask' | 'serviceTask' }> => node.type === 'userTask' || node.type === 'serviceTask');
  return (
    <details className="details no-print">
      <summary className="details-summary">
        <span className="details-summary-text">Processens trin som tekst</span>
      </summary>
      <div className="details-text">
        <ul>
          {steps.map((step) => (
            <li key={step.id}>
              {step.name} ({performerDa(step.performer)}
              {step.type === 'userTask' && step.deadline ? `, frist ${step.deadline.label}` : ''}
              {step.type === 'serviceTask' ? ', udføres af systemet' : ''})
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}

/** What the diagram covers, in its own units: every shape, label and flow, and a margin round them. */
function drawingBounds(registry: ElementRegistry): Box {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const element of registry.getAll() as { x?: number; y?: number; width?: number; height?: number; waypoints?: { x: number; y: number }[] }[]) {
    for (const point of element.waypoints ?? []) {
      xs.push(point.x);
      ys.push(point.y);
    }
    if (element.x === undefined || element.y === undefined) continue;
    xs.push(element.x, element.x + (element.width ?? 0));
    ys.push(element.y, element.y + (element.height ?? 0));
  }
  if (xs.length === 0) return { x: 0, y: 0, width: 2 * MARGIN, height: 2 * MARGIN };
  const [left, top] = [Math.min(...xs), Math.min(...ys)];
  return { x: left - MARGIN, y: top - MARGIN, width: Math.max(...xs) - left + 2 * MARGIN, height: Math.max(...ys) - top + 2 * MARGIN };
}

function byStep(deadlines: readonly StepDeadline[]): Map<string, StepDeadline[]> {
  const steps = new Map<string, StepDeadline[]>();
  for (const deadline of deadlines) steps.set(deadline.step, [...(steps.get(deadline.step) ?? []), deadline]);
  return steps;
}

function badge(text: string, kind: 'active' | 'done'): HTMLElement {
  const element = document.createElement('div');
  element.className = `bpmn-badge bpmn-badge-${kind}`;
  element.textContent = text;
  return element;
}

function deadlineLabel(open: readonly StepDeadline[]): HTMLElement {
  const element = document.createElement('div');
  element.className = 'bpmn-deadline';
  for (const deadline of open) {
    const line = document.createElement('div');
    line.className = `bpmn-deadline-${deadline.state}`;
    const time = document.createElement('time');
    time.dateTime = deadline.dueAt;
    time.textContent = formatDateTime(deadline.dueAt);
    line.append('Frist ', time, ` · ${deadlineStateDa(deadline.state)}`);
    element.append(line);
  }
  return element;
}
