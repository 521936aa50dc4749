import { Module } from '@nestjs/common';
import { AlertStream } from '@sagsflow/casework';
import { EventsController } from './events.controller';

@Module({ controllers: [EventsController], providers: [AlertStream] })
export class EventsModule {}
