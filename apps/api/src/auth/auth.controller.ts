import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { SkipThrottle } from '@nestjs/throttler';
import { UserOrAddressThrottlerGuard } from '../security/throttling';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow, EVERYONE } from './allow';
import { AccessTokenDto, DevLoginDto, MeDto } from './auth.dto';
import { AuthService } from './auth.service';
import { type CurrentUser, User } from './current-user';
import { Public } from './public.decorator';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('dev-login')
  @HttpCode(200)
  @UseGuards(UserOrAddressThrottlerGuard)
  @SkipThrottle({ intake: true })
  @ApiOkResponse({ type: AccessTokenDto, description: 'Development only: a token for a demo user' })
  devLogin(@Body() dto: DevLoginDto): Promise<AccessTokenDto> {
    return this.auth.devLogin(dto.username);
  }

  @Public()
  @Get('dev-users')
  @ApiOkResponse({ type: [MeDto], description: 'Development only: the users one may sign in as' })
  devUsers(): Promise<MeDto[]> {
    return this.auth.devUsers();
  }

  @Get('me')
  @Allow(...EVERYONE)
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@User() user: CurrentUser): MeDto {
    return user;
  }
}
