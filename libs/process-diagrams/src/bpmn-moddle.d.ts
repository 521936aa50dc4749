/**
 * bpmn-moddle 10 ships types for the BPMN elements (`bpmn-moddle/types`) but none for its entry
 * point; these declare the part of it we use.
 */
declare module 'bpmn-moddle' {
  import type { ModdleElement } from 'moddle' with { 'resolution-mode': 'import' };
  import type { BpmndiModdleTypeMap, BpmnDefinitions, BpmnModdleTypeMap, DcModdleTypeMap } from 'bpmn-moddle/types' with { 'resolution-mode': 'import' };

  export type BpmnTypes = BpmnModdleTypeMap & BpmndiModdleTypeMap & DcModdleTypeMap;

  export interface ParseResult {
    rootElement: ModdleElement<BpmnDefinitions>;
    /** What the reader could not make sense of: unknown elements, attributes or references. */
    warnings: Error[];
    elementsById: Record<string, ModdleElement>;
  }

  export class BpmnModdle {
    create<K extends keyof BpmnTypes>(type: K, attrs?: Partial<BpmnTypes[K]>): BpmnTypes[K];
    fromXML(xml: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
