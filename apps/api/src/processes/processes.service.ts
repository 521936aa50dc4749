import { Injectable, NotFoundException } from '@nestjs/common';
import { PROCESS_MAPS, type ProcessKind, type ProcessMap } from '@sagsflow/domain';
import { processBpmn } from '@sagsflow/process-diagrams';
import { ProcessDto } from './process.dto';

/** The processes that have a map (procesdiagram), and each map as a BPMN 2.0 diagram. */
@Injectable()
export class ProcessesService {
  list(): ProcessDto[] {
    return Object.values(PROCESS_MAPS).map((map) => ({ kind: map.kind, name: map.name, bpmn: `/api/processes/${map.kind}/bpmn` }));
  }

  bpmn(kind: string): Promise<string> {
    return processBpmn(this.mapOf(kind));
  }

  private mapOf(kind: string): ProcessMap {
    const map = Object.hasOwn(PROCESS_MAPS, kind) ? PROCESS_MAPS[kind as ProcessKind] : undefined;
    if (!map) throw new NotFoundException(`No process map for "${kind}"`);
    return map;
  }
}
