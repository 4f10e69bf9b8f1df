import { Module } from '@nestjs/common';
import { PosturesHandler } from './postures.handler';
import { PosturesService } from './postures.service';

@Module({ providers: [PosturesService, PosturesHandler] })
export class PosturesModule {}
