import { BpmnModdle } from 'bpmn-moddle';
import { type Browser, chromium } from 'playwright-core';
import request from 'supertest';
import { PROCESS_MAPS } from '@sagsflow/domain';
import { CHROMIUM_ARGS, resolveChromium } from '../../tools/stack/chromium';
import { type OpenSuite, openSuite } from '../support/stack';

/** The process diagrams (procesdiagrammer) as staff fetch them, and as bpmn-js draws them. */
describe('process diagrams', () => {
  let suite: OpenSuite;

  beforeAll(async () => {
    suite = await openSuite(['caseworker1', 'ppr1', 'admin1']);
  });
  afterAll(async () => {
    await suite?.close();
  });

  const notificationBpmn = async () => (await suite.as('caseworker1').get('/api/processes/notification/bpmn').expect(200)).text;

  it('lists the processes that have a map, each with the address of its diagram, to any staff member', async () => {
    const res = await suite.as('ppr1').get('/api/processes').expect(200);
    expect(res.body).toEqual(Object.values(PROCESS_MAPS).map((map) => ({ kind: map.kind, name: map.name, bpmn: `/api/processes/${map.kind}/bpmn` })));
    expect(res.body).toContainEqual({ kind: 'notification', name: 'Underretning', bpmn: '/api/processes/notification/bpmn' });
  });

  it('serves the notification process as BPMN 2.0 XML that bpmn-moddle reads without warnings', async () => {
    const res = await suite.as('ppr1').get('/api/processes/notification/bpmn').expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/xml/);
    const { rootElement, warnings } = await new BpmnModdle().fromXML(res.text);
    expect(warnings).toEqual([]);
    expect(rootElement.diagrams).toHaveLength(1);
    expect(res.text).toContain('name="Vurdering af underretning"');
  });

  it('answers 404 naming a kind without a map', async () => {
    for (const kind of ['placement', 'no-such-process']) {
      const res = await suite.as('caseworker1').get(`/api/processes/${kind}/bpmn`).expect(404).expect('Content-Type', /json/);
      expect(res.body.message).toBe(`No process map for "${kind}"`);
    }
  });

  it('refuses a request without a token (401) and an administrator, who reads no casework (403)', async () => {
    await request(suite.api.getHttpServer()).get('/api/processes').expect(401);
    await request(suite.api.getHttpServer()).get('/api/processes/notification/bpmn').expect(401);
    await suite.as('admin1').get('/api/processes').expect(403);
    await suite.as('admin1').get('/api/processes/notification/bpmn').expect(403);
  });

  describe('drawn by bpmn-js in headless Chromium', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await chromium.launch({ executablePath: resolveChromium().path, headless: true, args: CHROMIUM_ARGS });
    });
    afterAll(async () => {
      await browser?.close();
    });

    it('imports the notification diagram without warnings or page errors, drawing triage and its timers', async () => {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      await page.setContent('<div id="canvas" style="width: 2400px; height: 900px"></div>');
      await page.addScriptTag({ path: require.resolve('bpmn-js/dist/bpmn-viewer.production.min.js') });

      const drawn = await page.evaluate(async (xml) => {
        const { BpmnJS } = globalThis as unknown as BrowserGlobals;
        const viewer = new BpmnJS({ container: '#canvas' });
        const { warnings } = await viewer.importXML(xml);
        const registry = viewer.get('elementRegistry');
        const textOf = (element: DrawnElement) => [element, element.label].map((e) => (e ? registry.getGraphics(e).textContent : '')).join('');
        return {
          warnings: warnings.map((warning) => warning.message),
          elements: registry
            .getAll()
            .filter((element) => element.type !== 'label')
            .map((element) => ({ id: element.id, type: element.type, host: element.host?.id, text: textOf(element).replace(/\s+/g, '') })),
        };
      }, await notificationBpmn());
      await page.close();

      expect(drawn.warnings).toEqual([]);
      expect(errors).toEqual([]);
      const squeezed = (text: string) => text.replace(/\s+/g, '');
      expect(drawn.elements).toContainEqual({ id: 'triage', type: 'bpmn:UserTask', host: undefined, text: squeezed('Vurdering af underretning') });
      expect(drawn.elements).toContainEqual({ id: 'triage-deadline', type: 'bpmn:BoundaryEvent', host: 'triage', text: squeezed('24 timer') });
      const sixWorkingDays = drawn.elements.filter((element) => element.type === 'bpmn:BoundaryEvent' && element.text === squeezed('6 hverdage'));
      expect(sixWorkingDays.map((timer) => timer.host).sort()).toEqual(['send-feedback', 'send-receipt']);
      expect(drawn.elements.filter((element) => element.type === 'bpmn:Lane').map((lane) => lane.text)).toEqual(['Modtagelse', 'Myndighed']);
    });
  });
});

/** What the test uses of bpmn-js's viewer bundle, which sets `window.BpmnJS`. */
interface DrawnElement {
  id: string;
  type: string;
  host?: DrawnElement;
  label?: DrawnElement;
}
interface BrowserGlobals {
  BpmnJS: new (options: { container: string }) => {
    importXML(xml: string): Promise<{ warnings: Error[] }>;
    get(service: 'elementRegistry'): { getAll(): DrawnElement[]; getGraphics(element: DrawnElement): { textContent: string | null } };
  };
}
