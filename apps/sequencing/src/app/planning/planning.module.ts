import { Module } from '@nestjs/common';
import { DraftRefresher } from './draft-refresher';
import { PlanningHandler } from './planning.handler';
import { PlanningInputsService } from './planning-inputs.service';
import { PlansService } from './plans.service';
import { ScenariosService } from './scenarios.service';

@Module({ providers: [PlanningInputsService, PlansService, ScenariosService, PlanningHandler, DraftRefresher] })
export class PlanningModule {}
