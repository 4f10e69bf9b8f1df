import { Module } from '@nestjs/common';
import { ActiveModel } from '../models/active-model';
import { PosturesHandler } from './postures.handler';
import { PosturesService } from './postures.service';
import { ReviewSweep } from './review-sweep';

@Module({ providers: [PosturesService, PosturesHandler, ReviewSweep, ActiveModel], exports: [PosturesService] })
export class PosturesModule {}
