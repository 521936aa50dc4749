import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  @ApiOkResponse({ type: AccessTokenDto, description: 'Development only: a token for a demo user' })
  devLogin(@Body() dto: DevLoginDto): Promise<AccessTokenDto> {
    return this.auth.devLogin(dto.username);
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@User() user: CurrentUser): MeDto {
    return user;
  }
}
