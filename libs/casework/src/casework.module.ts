import { Global, Module } from '@nestjs/common';
import { AlertService } from './alerts/alert.service';
import { Mailer } from './alerts/mailer';
import { AssignmentService } from './assignment/assignment.service';
import { CaseService } from './cases/case.service';
import { InvestigationService } from './processes/investigation.service';
import { MeasureService } from './processes/measure.service';
import { ProcessStarts } from './processes/process-starts';
import { TaskService } from './tasks/task.service';

const SERVICES = [AlertService, AssignmentService, CaseService, InvestigationService, Mailer, MeasureService, ProcessStarts, TaskService];

/** The services that hold the casework logic, shared by the API and the worker's activities. */
@Global()
@Module({ providers: SERVICES, exports: SERVICES })
export class CaseworkModule {}
