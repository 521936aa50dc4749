import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions } from './data-source';
import { ENTITIES } from './entities';
import { AlertRepository } from './repositories/alert.repository';
import { AuditRepository } from './repositories/audit.repository';
import { CaseRepository } from './repositories/case.repository';
import { OutboxRepository } from './repositories/outbox.repository';
import { TaskRepository } from './repositories/task.repository';
import { UserRepository } from './repositories/user.repository';

const REPOSITORIES = [AlertRepository, AuditRepository, CaseRepository, OutboxRepository, TaskRepository, UserRepository];

@Module({})
export class PersistenceModule {
  static forRoot(databaseUrl: string, poolSize = 10): DynamicModule {
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRoot({ ...dataSourceOptions(databaseUrl), extra: { max: poolSize }, retryAttempts: 3, retryDelay: 1000 }),
        TypeOrmModule.forFeature(ENTITIES),
      ],
      providers: REPOSITORIES,
      exports: [...REPOSITORIES, TypeOrmModule],
    };
  }
}
