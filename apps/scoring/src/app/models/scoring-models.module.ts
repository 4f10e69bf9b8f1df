import { Module } from '@nestjs/common';
import { PosturesModule } from '../postures/postures.module';
import { ScoringModelsHandler } from './scoring-models.handler';
import { ScoringModelsService } from './scoring-models.service';

@Module({ imports: [PosturesModule], providers: [ScoringModelsService, ScoringModelsHandler] })
export class ScoringModelsModule {}
