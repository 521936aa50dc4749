import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { TeamEntity, UserEntity, UserIdentityEntity } from '../entities';

@Injectable()
export class UserRepository {
  constructor(
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(TeamEntity) private readonly teams: Repository<TeamEntity>,
    @InjectRepository(UserIdentityEntity) private readonly identities: Repository<UserIdentityEntity>,
  ) {}

  findActive(username: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ username, active: true });
  }

  /** The person a sign-in identity is bound to, active or not; null for an identity never bound. */
  findByIdentity(issuer: string, subject: string): Promise<UserEntity | null> {
    return this.users
      .createQueryBuilder('user')
      .innerJoin(UserIdentityEntity, 'identity', 'identity.username = user.username')
      .where('identity.issuer = :issuer AND identity.subject = :subject', { issuer, subject })
      .getOne();
  }

  /**
   * Binds a sign-in identity to a person unless the identity, or the person at that issuer, is bound
   * already (the table's unique keys decide, so concurrent first sign-ins bind once). Answers whom
   * the identity is bound to now (null when the person has another identity there) and whether
   * this call bound it.
   */
  async bindIdentity(issuer: string, subject: string, username: string): Promise<{ user: UserEntity | null; bound: boolean }> {
    const inserted = await this.identities
      .createQueryBuilder()
      .insert()
      .into(UserIdentityEntity)
      .values({ issuer, subject, username })
      .orIgnore()
      .returning('username')
      .updateEntity(false)
      .execute();
    return { user: await this.findByIdentity(issuer, subject), bound: inserted.raw.length > 0 };
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
