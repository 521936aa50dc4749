import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'sagsflow:public';

/** Marks a route that needs no bearer token (health, the development login). */
export const Public = () => SetMetadata(IS_PUBLIC, true);
