import { Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { UserRepository } from '@sagsflow/persistence';
import type { MeDto } from './auth.dto';
import { DevIssuer } from './dev-issuer';

@Injectable()
export class AuthService {
  constructor(
    private readonly devIssuer: DevIssuer,
    private readonly users: UserRepository,
  ) {}

  /** A token for a directory user, without a password: for development and tests only. */
  async devLogin(username: string): Promise<{ accessToken: string }> {
    if (!this.devIssuer.enabled) throw new NotFoundException('The development login is off');
    if (!(await this.users.findActive(username))) throw new UnauthorizedException(`No active user ${username}`);
    return { accessToken: await this.devIssuer.sign(username) };
  }

  /** The demo users to choose from on the development sign-in page. */
  async devUsers(): Promise<MeDto[]> {
    if (!this.devIssuer.enabled) throw new NotFoundException('The development login is off');
    return (await this.users.allActive()).map(({ username, displayName, agency, team, role }) => ({ username, displayName, agency, team, role }));
  }
}
