import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Allow, STAFF } from '../auth/allow';
import { ProcessDto } from './process.dto';
import { ProcessesService } from './processes.service';

/** The process diagrams: no case data, so nothing here is audited. */
@ApiTags('processes')
@ApiBearerAuth()
@Controller('processes')
export class ProcessesController {
  constructor(private readonly processes: ProcessesService) {}

  @Get()
  @Allow(...STAFF)
  @ApiOkResponse({ type: [ProcessDto] })
  list(): ProcessDto[] {
    return this.processes.list();
  }

  /** Opens in Camunda Modeler and on bpmn.io. The type is set with the file, so that a 404 stays JSON. */
  @Get(':kind/bpmn')
  @Allow(...STAFF)
  @ApiProduces('application/xml')
  @ApiOkResponse({ description: 'The process as BPMN 2.0 XML, with its diagram', schema: { type: 'string' } })
  @ApiNotFoundResponse({ description: 'No process of that kind has a map' })
  async bpmn(@Param('kind') kind: string): Promise<StreamableFile> {
    return new StreamableFile(Buffer.from(await this.processes.bpmn(kind)), { type: 'application/xml; charset=utf-8' });
  }
}
