import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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
