import { api } from '../api/client';
import type { ProcessSummary } from '../api/types';
import { useLoad } from '../api/use-load';
import { BpmnDiagram } from '../components/bpmn-diagram';
import { LoadError, PageTitle } from '../components/page';

/**
 * The process catalogue: every process the product runs, each drawn from its map as BPMN, the same
 * diagrams that open in Camunda Modeler. Printable: the layout leaves the header out on paper.
 */
export function ProcessesPage() {
  const processes = useLoad(() => api<ProcessSummary[]>('/api/processes'), []);
  return (
    <>
      <PageTitle title="Processer">Processer</PageTitle>
      <p>
        Sådan forløber kommunens processer for børnesager: hvem gør hvad, og hvilke frister der gælder. Diagrammerne er tegnet efter de samme
        procesbeskrivelser, som systemet kører efter.
      </p>
      <div className="button-row no-print">
        <button type="button" className="button button-secondary" onClick={() => window.print()}>
          Udskriv
        </button>
      </div>
      {processes.error !== undefined && !processes.data && <LoadError error={processes.error} retry={processes.reload} />}
      {!processes.data && processes.loading && <p role="status">Indlæser processerne…</p>}
      {processes.data?.map((process) => (
        <section key={process.kind} className="process-section" aria-labelledby={`proces-${process.kind}`}>
          <h2 id={`proces-${process.kind}`}>{process.name}</h2>
          <BpmnDiagram kind={process.kind} title={process.name} src={process.bpmn} />
        </section>
      ))}
    </>
  );
}
