import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TeamEntity, UserEntity } from '../entities';

@Injectable()
export class UserRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>,
  ) {}

  findActive(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username, active: true });
  }

  /** Deactivates (someone left) or re-activates a person, in the caller's transaction; null for an unknown username. */
  async setActive(em: EntityManager, username: string, active: boolean): Promise<UserEntity | null> {
    await em.update(UserEntity, { username }, { active });
    return em.findOneBy(UserEntity, { username });
  }

  /** A person, active or not (someone who left may still be named on a case until it is reassigned). */
  find(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username });
  }

  /** Everyone active, by agency and name (the development sign-in lists them). */
  allActive(): Promise<UserEntity[]> {
    return this.users.find({ where: { active: true }, order: { agency: 'ASC', username: 'ASC' } });
  }

  teamMembers(team: string): Promise<UserEntity[]> {
    return this.users.find({ where: { team, active: true }, order: { username: 'ASC' } });
  }

  findTeam(id: string): Promise<TeamEntity | null> {
    return this.teams.findOneBy({ id });
  }

  /** The first team of an agency; tasks go to it unless a workflow names another. */
  defaultTeamOf(agency: TeamEntity['agency']): Promise<TeamEntity | null> {
    return this.teams.findOne({ where: { agency }, order: { id: 'ASC' } });
  }
}
