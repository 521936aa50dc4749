import { ApiProperty } from '@nestjs/swagger';
import { PROCESS_KINDS, type ProcessKind } from '@sagsflow/domain';

export class ProcessDto {
  @ApiProperty({ enum: PROCESS_KINDS, example: 'notification' }) kind: ProcessKind;
  /** The process's name, in Danish. */
  @ApiProperty({ example: 'Underretning' }) name: string;
  @ApiProperty({ example: '/api/processes/notification/bpmn', description: 'Its diagram, as BPMN 2.0 XML' }) bpmn: string;
}
