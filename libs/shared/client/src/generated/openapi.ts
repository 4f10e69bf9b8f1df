/* The Capstan API's types, generated from its OpenAPI document by `npm run client:generate`. Do not edit. */

export interface paths {
    "/api/v1/admin/evidence-sweeps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["AdminController_sweepEvidence"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/allocation-rules": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CostImportsController_rules"];
        put?: never;
        post: operations["CostImportsController_createRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/allocation-rules/{id}/retirement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CostImportsController_retireRule"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuditController_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/config": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthConfigController_config"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["AuthConfigController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/budgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CostsController_budgets"];
        put: operations["CostsController_setBudget"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/business-units/{businessUnit}/freeze-windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["RolloutInputsController_putFreezeWindows"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/business-volumes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["CostsController_recordVolume"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/capacity-pools": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RolloutInputsController_pools"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/capacity-pools/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["RolloutInputsController_putPool"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CostsController_list"];
        put?: never;
        post: operations["CostsController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-entries/{id}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CostsController_reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CostImportsController_list"];
        put?: never;
        post: operations["CostImportsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CostImportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-imports/{id}/reallocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CostImportsController_reallocate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cost-imports/{id}/reversal": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["CostImportsController_reverse"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/costs/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CostsController_summary"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["EventsController_stream"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/freeze-windows": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RolloutInputsController_freezeWindows"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fx-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExchangeRatesController_list"];
        put?: never;
        post: operations["ExchangeRatesController_record"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fx-rates/conversions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ExchangeRatesController_conversions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["HealthController_ready"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiative-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InitiativeImportsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiative-imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InitiativeImportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InitiativesController_list"];
        put?: never;
        post: operations["InitiativesController_register"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InitiativesController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch: operations["InitiativesController_update"];
        trace?: never;
    };
    "/api/v1/initiatives/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InitiativesController_archive"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InitiativesController_audit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/criteria/{criterionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["InitiativesController_recordEvidence"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InitiativesController_recordDecision"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/dependencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["InitiativesController_addDependency"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/dependencies/{dependsOn}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete: operations["InitiativesController_removeDependency"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/forecast": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CostsController_forecast"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/owners/{responsibility}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["InitiativesController_assignOwner"];
        post?: never;
        delete: operations["InitiativesController_removeOwner"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/posture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PosturesController_posture"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/rollout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RolloutInputsController_rollout"];
        put: operations["RolloutInputsController_putRollout"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/rollout/waves/{wave}/progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["RolloutInputsController_putWaveProgress"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/telemetry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InitiativesController_telemetry"];
        put?: never;
        post: operations["InitiativesController_recordTelemetry"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/{id}/unit-costs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["CostsController_unitCosts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/initiatives/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["InitiativesController_export"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plan-overrides": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RolloutInputsController_overrides"];
        put?: never;
        post: operations["RolloutInputsController_addOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plan-overrides/{id}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["RolloutInputsController_revokeOverride"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlansController_list"];
        put?: never;
        post: operations["PlansController_compute"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlansController_plan"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/contests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlansController_contests"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlansController_compare"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PlansController_publish"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/plans/current": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlansController_current"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolio/readiness": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PosturesController_readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portfolio/trends": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PosturesController_trends"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rollout-budgets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["RolloutInputsController_budgets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/rollout-budgets/{quarter}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put: operations["RolloutInputsController_putBudget"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenarios": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PlansController_createScenario"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenarios/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlansController_scenario"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenarios/{id}/diff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["PlansController_diff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scenarios/{id}/promotion": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["PlansController_promote"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoring-models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ScoringModelsController_list"];
        put?: never;
        post: operations["ScoringModelsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoring-models/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ScoringModelsController_activate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/scoring-models/{version}/dry-run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ScoringModelsController_dryRun"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["ServiceAccountsController_list"];
        put?: never;
        post: operations["ServiceAccountsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/service-accounts/{id}/revocation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["ServiceAccountsController_revoke"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telemetry-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TelemetryImportsController_start"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/telemetry-imports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TelemetryImportsController_get"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/token-prices/{model}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["TokenMeteringController_prices"];
        put?: never;
        post: operations["TokenMeteringController_setPrice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/token-prices/{model}/repricing": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TokenMeteringController_reprice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/token-usage": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["TokenMeteringController_recordUsage"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_list"];
        put?: never;
        post: operations["WebhooksController_subscribe"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deactivation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WebhooksController_deactivate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_deliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["WebhooksController_delivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/deliveries/{deliveryId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post: operations["WebhooksController_replay"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ActivationDto: {
            activatedAt: string[];
            /** @default [] */
            activations?: {
                activatedAt: string;
                activatedBy: string;
                replaced: string | null;
            }[];
            createdAt: string;
            createdBy: string;
            definition: {
                /** @default 0 */
                closedMonthGraceDays?: number;
                domainThreshold: number;
                holdPeriodSeconds: number;
                minAttributedSpendShare: string;
                /**
                 * @default {
                 *       "fragmentedTeams": 3,
                 *       "backlogGrowthPeriods": 3,
                 *       "escalationsPerPeriod": 3,
                 *       "unitCostRatio": "1.5"
                 *     }
                 */
                patterns?: {
                    backlogGrowthPeriods: number;
                    escalationsPerPeriod: number;
                    fragmentedTeams: number;
                    /** @default 1.5 */
                    unitCostRatio?: string;
                };
                /**
                 * @default [
                 *       "approval_authority",
                 *       "accountable_owner",
                 *       "production_support"
                 *     ]
                 */
                pauseUnlessOwned?: ("accountable_owner" | "production_support" | "escalation_owner" | "approval_authority" | "budget_owner" | "risk_owner")[];
                points: {
                    absent: number;
                    established: number;
                    partial: number;
                };
                /** @default true */
                requireLatestClosedMonthCosts?: boolean;
                version: string;
            };
            rescoring: number;
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            version: string;
        };
        AddDependencyDto: {
            /** Format: uuid */
            dependsOn: string;
            /**
             * @default hard
             * @enum {string}
             */
            kind?: "hard" | "soft";
            /** @default  */
            note?: string;
        };
        AllocationRuleDto: {
            createdAt: string;
            createdBy: string;
            /** Format: uuid */
            id: string;
            match: {
                billingAccountId?: string;
                resourceIdPattern?: string;
                subAccountId?: string;
                tag?: {
                    key: string;
                    value?: string;
                };
            };
            name: string;
            /** @default 100 */
            priority?: number;
            retiredAt: string[];
            target: {
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                kind: "initiative";
            } | {
                /** @enum {string} */
                kind: "split";
                /** @enum {string} */
                method: "even" | "fixed" | "proportional";
                parts: {
                    /** Format: uuid */
                    initiativeId: string;
                    share?: string;
                }[];
            };
        };
        AllocationRuleInputDto: {
            match: {
                billingAccountId?: string;
                resourceIdPattern?: string;
                subAccountId?: string;
                tag?: {
                    key: string;
                    value?: string;
                };
            };
            name: string;
            /** @default 100 */
            priority?: number;
            target: {
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                kind: "initiative";
            } | {
                /** @enum {string} */
                kind: "split";
                /** @enum {string} */
                method: "even" | "fixed" | "proportional";
                parts: {
                    /** Format: uuid */
                    initiativeId: string;
                    share?: string;
                }[];
            };
        };
        AllocationRuleListDto: {
            items: {
                createdAt: string;
                createdBy: string;
                /** Format: uuid */
                id: string;
                match: {
                    billingAccountId?: string;
                    resourceIdPattern?: string;
                    subAccountId?: string;
                    tag?: {
                        key: string;
                        value?: string;
                    };
                };
                name: string;
                /** @default 100 */
                priority?: number;
                retiredAt: string | null;
                target: {
                    /** Format: uuid */
                    initiativeId: string;
                    /** @enum {string} */
                    kind: "initiative";
                } | {
                    /** @enum {string} */
                    kind: "split";
                    /** @enum {string} */
                    method: "even" | "fixed" | "proportional";
                    parts: {
                        /** Format: uuid */
                        initiativeId: string;
                        share?: string;
                    }[];
                };
            }[];
        };
        AssignOwnerDto: {
            person: string;
            team: string;
        };
        AuditLogDto: {
            items: {
                action: string;
                actor: string;
                at: string;
                changes: {
                    field: string;
                    from: unknown;
                    to: unknown;
                }[];
                id: string;
                /** Format: uuid */
                initiativeId: string;
            }[];
            nextCursor: string[];
        };
        AuditResponseDto: {
            items: {
                action: string;
                actor: string;
                at: string;
                changes: {
                    field: string;
                    from: unknown;
                    to: unknown;
                }[];
                id: string;
                /** Format: uuid */
                initiativeId: string;
            }[];
        };
        AuthConfigDto: {
            /** @description Single sign-on, when configured: where the dashboard sends people to sign in */
            oidc: {
                authorizationEndpoint: string;
                clientId: string;
                issuer: string;
                scope: string;
                tokenEndpoint: string;
            } | null;
        };
        BudgetListDto: {
            items: {
                actual: string;
                budget: string;
                burn: string;
                /** @enum {string} */
                category: "inference" | "infrastructure" | "data" | "monitoring" | "support_staffing" | "operating_controls" | "other";
                crossed: string[];
                currency: string;
                inBudgetCurrency?: {
                    actual: string;
                    entriesAwaitingRate: number;
                    rate: {
                        date: string;
                        rate: string;
                    } | null;
                } | null;
                /** Format: uuid */
                initiativeId: string;
                otherCurrencies?: {
                    actual: string;
                    currency: string;
                }[];
                period: string;
                replacedBy?: string;
                thresholds: string[];
            }[];
        };
        BudgetStatusDto: {
            actual: string;
            budget: string;
            burn: string;
            /** @enum {string} */
            category: "inference" | "infrastructure" | "data" | "monitoring" | "support_staffing" | "operating_controls" | "other";
            crossed: string[];
            currency: string;
            inBudgetCurrency?: {
                actual: string;
                entriesAwaitingRate: number;
                rate: {
                    date: string;
                    rate: string;
                } | null;
            } | null;
            /** Format: uuid */
            initiativeId: string;
            otherCurrencies?: {
                actual: string;
                currency: string;
            }[];
            period: string;
            replacedBy?: string;
            thresholds: string[];
        };
        CapacityPoolDto: {
            /** @default [] */
            adjustments?: {
                capacity: number;
                /** Format: date */
                from: string;
                /** @default  */
                reason?: string;
                /** Format: date */
                to: string;
            }[];
            capacityPerWeek: number;
            name: string;
        };
        CapacityPoolViewDto: {
            /** @default [] */
            adjustments?: {
                capacity: number;
                /** Format: date */
                from: string;
                /** @default  */
                reason?: string;
                /** Format: date */
                to: string;
            }[];
            capacityPerWeek: number;
            id: string;
            name: string;
            updatedAt: string;
            updatedBy: string;
            version: number;
        };
        ComputePlanDto: {
            /** @default 156 */
            horizonWeeks?: number;
            /** @default 3000 */
            maxSchedules?: number;
            /** @default 1 */
            seed?: number;
            /** Format: date */
            startDate?: string;
            /** @default 5000 */
            timeLimitMs?: number;
        };
        CostEntryDto: {
            amount: string;
            /** @enum {string} */
            category: "inference" | "infrastructure" | "data" | "monitoring" | "support_staffing" | "operating_controls" | "other";
            chargeDate: string;
            currency: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            initiativeId: string | null;
            period: string;
            /** @enum {string} */
            phase: "pilot" | "production";
            recordedAt: string;
            recordedBy: string;
            reference: string;
            /** Format: uuid */
            reversesId: string | null;
            /** @enum {string} */
            source: "manual" | "import" | "metered" | "allocation";
        };
        CostEntryListDto: {
            items: {
                amount: string;
                /** @enum {string} */
                category: "inference" | "infrastructure" | "data" | "monitoring" | "support_staffing" | "operating_controls" | "other";
                chargeDate: string;
                currency: string;
                effectiveAmount: string | null;
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                importId: string | null;
                importRow: number | null;
                /** Format: uuid */
                initiativeId: string | null;
                period: string;
                /** @enum {string} */
                phase: "pilot" | "production";
                /**
                 * Format: uuid
                 * @default null
                 */
                reallocatesId?: string | null;
                recordedAt: string;
                recordedBy: string;
                reference: string;
                resourceId: string | null;
                /** Format: uuid */
                reversedBy: string | null;
                /** Format: uuid */
                reversesId: string | null;
                serviceCategory: string | null;
                /** @enum {string} */
                source: "manual" | "import" | "metered" | "allocation";
            }[];
            nextCursor: string[];
        };
        CostImportDto: {
            bytesReceived: number;
            completedAt: string[];
            contentSha256: string[];
            createdAt: string;
            defaultCurrency: string[];
            errors: {
                message: string;
                row: number;
            }[];
            failure: string[];
            /** @enum {string} */
            format: "focus";
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            phase: "pilot" | "production";
            progress: number;
            /** @default null */
            reallocation?: {
                entriesLeftUnallocated: number;
                entriesReallocated: number;
                entriesWithoutAttributes: number;
                failedAttempts: number;
                lastError: string | null;
                reallocatedAt: string | null;
                reason: string;
                requestedAt: string;
                requestedBy: string;
                /** @enum {string} */
                status: "reallocating" | "reallocated" | "superseded";
            } | null;
            requestedBy: string;
            /** @default null */
            reversal?: {
                entriesReversed: number;
                failedAttempts: number;
                lastError: string | null;
                reason: string;
                requestedAt: string;
                requestedBy: string;
                reversedAt: string | null;
                /** @enum {string} */
                status: "reversing" | "reversed";
            } | null;
            rowsImported: number;
            rowsRead: number;
            rowsRejected: number;
            rowsUnallocated: number;
            /** @enum {string} */
            status: "receiving" | "processing" | "completed" | "failed";
            updatedAt: string;
        };
        CostImportListDto: {
            items: {
                bytesReceived: number;
                completedAt: string | null;
                contentSha256: string | null;
                createdAt: string;
                defaultCurrency: string | null;
                failure: string | null;
                /** @enum {string} */
                format: "focus";
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                phase: "pilot" | "production";
                progress: number;
                /** @default null */
                reallocation?: {
                    entriesLeftUnallocated: number;
                    entriesReallocated: number;
                    entriesWithoutAttributes: number;
                    failedAttempts: number;
                    lastError: string | null;
                    reallocatedAt: string | null;
                    reason: string;
                    requestedAt: string;
                    requestedBy: string;
                    /** @enum {string} */
                    status: "reallocating" | "reallocated" | "superseded";
                } | null;
                requestedBy: string;
                /** @default null */
                reversal?: {
                    entriesReversed: number;
                    failedAttempts: number;
                    lastError: string | null;
                    reason: string;
                    requestedAt: string;
                    requestedBy: string;
                    reversedAt: string | null;
                    /** @enum {string} */
                    status: "reversing" | "reversed";
                } | null;
                rowsImported: number;
                rowsRead: number;
                rowsRejected: number;
                rowsUnallocated: number;
                /** @enum {string} */
                status: "receiving" | "processing" | "completed" | "failed";
                updatedAt: string;
            }[];
            nextCursor: string[];
        };
        CostImportReallocationDto: {
            reason: string;
        };
        CostImportReversalDto: {
            reason: string;
        };
        CostSummaryDto: {
            groups: {
                billedCost: string;
                currency: string;
                effectiveCost: string;
                key: string;
            }[];
            unconverted?: {
                billedCost: string;
                currency: string;
                entries: number;
            }[];
        };
        CreatedServiceAccountDto: {
            /** @description The business units the key may act for; null for all */
            businessUnits: string[] | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: uuid */
            id: string;
            /** @description The API key: shown this once, never again. Send it as `Authorization: Bearer <key>`. */
            key: string;
            /** @description The visible start of the key, to tell keys apart */
            keyPrefix: string;
            /**
             * Format: date-time
             * @description To the minute
             */
            lastUsedAt: string | null;
            name: string;
            /** Format: date-time */
            revokedAt: string | null;
            revokedBy: string[];
            roles: ("admin" | "pmo" | "finance" | "engineering" | "viewer")[];
        };
        CreatedSubscriptionDto: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            deactivatedAt: string | null;
            description: string[];
            eventTypes: string[];
            /** Format: uuid */
            id: string;
            /** @description The signing secret: shown this once. Verify `Capstan-Signature` with it. */
            secret: string;
            url: string;
        };
        CreateScenarioDto: {
            /** Format: uuid */
            basePlanId?: string;
            changes: ({
                capacityPerWeek: number;
                /** Format: date */
                from?: string;
                /** @enum {string} */
                kind: "capacity";
                pool: string;
                /** Format: date */
                to?: string;
            } | {
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                kind: "priority";
                priority: number;
            } | {
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                kind: "pause";
            } | {
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                kind: "authorize";
            } | {
                /** Format: date */
                deadline: string | null;
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                kind: "deadline";
                wave: string;
            } | {
                initiative: {
                    businessUnit: string;
                    key: string;
                    name: string;
                    /** @default 0 */
                    value?: string;
                    waves: {
                        /** @default [] */
                        after?: {
                            /**
                             * Format: uuid
                             * @default null
                             */
                            initiativeId?: string | null;
                            /** @default 0 */
                            lagWeeks?: number;
                            wave: string;
                        }[];
                        businessUnit?: string;
                        /** @default 0 */
                        costPerWeek?: string;
                        /**
                         * Format: date
                         * @default null
                         */
                        deadline?: string | null;
                        /** @default {} */
                        demand?: {
                            [key: string]: number;
                        };
                        durationWeeks: number;
                        /**
                         * Format: date
                         * @default null
                         */
                        earliestStart?: string | null;
                        key: string;
                        name: string;
                        /** @default false */
                        withinControlledScope?: boolean;
                    }[];
                };
                /** @enum {string} */
                kind: "add";
            })[];
            name: string;
        };
        CreateServiceAccountDto: {
            /** @description Omit for a key that may act for every business unit */
            businessUnits?: string[];
            name: string;
            roles: ("admin" | "pmo" | "finance" | "engineering" | "viewer")[];
        };
        DecisionResponseDto: {
            decidedAt: string;
            decidedBy: string;
            /** @enum {string} */
            decision: "pause" | "controlled_investment" | "authorize_deployment";
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            initiativeId: string;
            rationale: string;
            scopeEnvelope: {
                businessUnits: string[];
                currency: string;
                monthlySpendCap: string;
                users: number;
            } | null;
        };
        DeliveryDetailDto: {
            attemptLog: {
                attempt: number;
                /** Format: date-time */
                attemptedAt: string;
                durationMs: number;
                error: string | null;
                status: number | null;
            }[];
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: uuid */
            eventId: string;
            eventType: string;
            /** Format: uuid */
            id: string;
            lastError: string[];
            /** @description The HTTP status of the last attempt; null when it got no answer */
            lastStatus: number | null;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
        };
        DeliveryDto: {
            attempts: number;
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            deliveredAt: string | null;
            /** Format: uuid */
            eventId: string;
            eventType: string;
            /** Format: uuid */
            id: string;
            lastError: string[];
            /** @description The HTTP status of the last attempt; null when it got no answer */
            lastStatus: number | null;
            /** Format: date-time */
            nextAttemptAt: string | null;
            /** @enum {string} */
            status: "pending" | "delivered" | "failed";
        };
        DeliveryListDto: {
            items: {
                attempts: number;
                /** Format: date-time */
                createdAt: string;
                /** Format: date-time */
                deliveredAt: string | null;
                /** Format: uuid */
                eventId: string;
                eventType: string;
                /** Format: uuid */
                id: string;
                lastError: string | null;
                /** @description The HTTP status of the last attempt; null when it got no answer */
                lastStatus: number | null;
                /** Format: date-time */
                nextAttemptAt: string | null;
                /** @enum {string} */
                status: "pending" | "delivered" | "failed";
            }[];
        };
        DependencyResponseDto: {
            addedAt: string;
            addedBy: string;
            /** Format: uuid */
            dependsOn: string;
            dependsOnKey: string;
            /** Format: uuid */
            initiativeId: string;
            /** @enum {string} */
            kind: "hard" | "soft";
            note: string;
        };
        DryRunDto: {
            changes: {
                conditions: string[];
                /** @enum {string} */
                from: "pause" | "controlled_investment" | "authorize_deployment";
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                to: "pause" | "controlled_investment" | "authorize_deployment";
            }[];
            evaluated: number;
            modelVersion: string;
        };
        EvidenceSweepDto: {
            asOf?: string;
        };
        EvidenceSweepResponseDto: {
            expired: number;
        };
        ForecastDto: {
            byCurrency: {
                categories: ({
                    /** @enum {string} */
                    category: "inference" | "infrastructure" | "data" | "monitoring" | "support_staffing" | "operating_controls" | "other";
                    reason: string;
                    /** @enum {string} */
                    status: "unknown";
                } | {
                    /** @enum {string} */
                    category: "inference" | "infrastructure" | "data" | "monitoring" | "support_staffing" | "operating_controls" | "other";
                    months: {
                        expected: string;
                        high: string;
                        low: string;
                        period: string;
                    }[];
                    runRate: string;
                    /** @enum {string} */
                    status: "forecast";
                    trendPerMonth: string;
                })[];
                currency: string;
            }[];
            /** Format: uuid */
            initiativeId: string;
            lastClosedMonth: string;
            production: {
                currency: string;
                expected: string;
                high: string;
                low: string;
                metric: string;
                unitCost: string;
                volume: string;
            } | null;
        };
        FreezeWindowsDto: {
            windows: {
                /** Format: date */
                from: string;
                /** @default  */
                reason?: string;
                /** Format: date */
                to: string;
            }[];
        };
        FreezeWindowsListDto: {
            items: {
                businessUnit: string;
                updatedAt: string;
                updatedBy: string;
                version: number;
                windows: {
                    /** Format: date */
                    from: string;
                    /** @default  */
                    reason?: string;
                    /** Format: date */
                    to: string;
                }[];
            }[];
        };
        FreezeWindowsViewDto: {
            businessUnit: string;
            updatedAt: string;
            updatedBy: string;
            version: number;
            windows: {
                /** Format: date */
                from: string;
                /** @default  */
                reason?: string;
                /** Format: date */
                to: string;
            }[];
        };
        FxConversionListDto: {
            items: {
                currency: string | null;
                entriesConverted: number;
                from: string | null;
                id: string;
                lastError: string | null;
                progress: number | null;
                queuedAt: string;
                /** @enum {string} */
                stage: "finding" | "converting" | "publishing";
                through: string | null;
            }[];
            reportingCurrency: string;
        };
        FxRateListDto: {
            items: {
                currency: string;
                /** Format: date */
                date: string;
                rate: string;
                recordedAt: string;
                recordedBy: string;
                reportingCurrency: string;
                /** @default  */
                source?: string;
            }[];
            reportingCurrency: string;
        };
        FxRecordedDto: {
            conversionPending: boolean;
            entriesConverted: number;
            recorded: number;
            reportingCurrency: string;
            unchanged: number;
        };
        ImportDto: {
            createdAt: string;
            errors: {
                errors: {
                    field: string;
                    message: string;
                }[];
                row: number;
            }[];
            failure: string[];
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "initiatives" | "telemetry";
            /** @enum {string} */
            mode: "all-or-nothing" | "valid-rows";
            progress: number;
            requestedBy: string;
            rowsImported: number;
            rowsInvalid: number;
            rowsProcessed: number;
            rowsSkipped: number;
            rowsTotal: number;
            /** @enum {string} */
            status: "receiving" | "processing" | "completed" | "rejected" | "failed";
            updatedAt: string;
        };
        InitiativeListResponseDto: {
            items: {
                archivedAt: string | null;
                businessUnit: string;
                createdAt: string;
                /** @default {} */
                customFields?: {
                    [key: string]: string | number | boolean;
                };
                /**
                 * @default internal
                 * @enum {string}
                 */
                dataSensitivity?: "public" | "internal" | "confidential" | "restricted";
                /** Format: uuid */
                id: string;
                key: string;
                name: string;
                /**
                 * @default deployer
                 * @enum {string}
                 */
                operatorRole?: "provider" | "deployer" | "importer" | "distributor" | "product_manufacturer" | "authorised_representative";
                /** @default [] */
                pilotResults?: {
                    metric: string;
                    /** @default  */
                    unit?: string;
                    value: string;
                }[];
                posture: {
                    conditions: string[];
                    domainScores: {
                        [key: string]: number;
                    };
                    evaluatedAt: string;
                    /** Format: uuid */
                    initiativeId: string;
                    modelVersion: string;
                    /** @enum {string} */
                    posture: "pause" | "controlled_investment" | "authorize_deployment";
                    signals: string[];
                } | null;
                /**
                 * @default {
                 *       "businessUnits": [],
                 *       "users": null,
                 *       "workflows": []
                 *     }
                 */
                requestedScope?: {
                    /** @default [] */
                    businessUnits?: string[];
                    /** @default null */
                    users?: number | null;
                    /** @default [] */
                    workflows?: string[];
                };
                /**
                 * @default minimal
                 * @enum {string}
                 */
                riskTier?: "minimal" | "limited" | "high" | "prohibited";
                /** @default  */
                sponsor?: string;
                /**
                 * @default pilot
                 * @enum {string}
                 */
                stage?: "pilot" | "scaling" | "production" | "retired";
                /** @default  */
                summary?: string;
                /** @default [] */
                tags?: string[];
                /** @default {} */
                targetDates?: {
                    /** Format: date */
                    fullRollout?: string;
                    /** Format: date */
                    pilotEnd?: string;
                    /** Format: date */
                    productionStart?: string;
                };
                updatedAt: string;
                /** @default  */
                useCaseCategory?: string;
                version: number;
            }[];
            nextCursor: string[];
        };
        InitiativeResponseDto: {
            archivedAt: string[];
            businessUnit: string;
            createdAt: string;
            /** @default {} */
            customFields?: {
                [key: string]: string | number | boolean;
            };
            /**
             * @default internal
             * @enum {string}
             */
            dataSensitivity?: "public" | "internal" | "confidential" | "restricted";
            decisions: {
                decidedAt: string;
                decidedBy: string;
                /** @enum {string} */
                decision: "pause" | "controlled_investment" | "authorize_deployment";
                /** Format: uuid */
                id: string;
                /** Format: uuid */
                initiativeId: string;
                rationale: string;
                scopeEnvelope: {
                    businessUnits: string[];
                    currency: string;
                    monthlySpendCap: string;
                    users: number;
                } | null;
            }[];
            dependencies: {
                addedAt: string;
                addedBy: string;
                /** Format: uuid */
                dependsOn: string;
                dependsOnKey: string;
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                kind: "hard" | "soft";
                note: string;
            }[];
            evidence: {
                attestedAt: string;
                attestedBy: string;
                /** @enum {string} */
                criterionId: "ownership.long_term_accountability" | "ownership.production_support" | "ownership.escalation_paths" | "governance.approval_pathways" | "governance.escalation_authority" | "governance.coordination" | "sequencing.prioritization" | "sequencing.pacing" | "sequencing.dependencies" | "economics.cost_visibility" | "economics.monitoring_overhead" | "economics.support_burden" | "resilience.support_escalation" | "resilience.rollback" | "resilience.instability" | "portfolio.priorities" | "portfolio.dependencies" | "portfolio.conflicts";
                evidence: string;
                expiresAt: string | null;
                recordedBy: string;
                /** @enum {string} */
                status: "absent" | "partial" | "established";
            }[];
            /** Format: uuid */
            id: string;
            key: string;
            name: string;
            /**
             * @default deployer
             * @enum {string}
             */
            operatorRole?: "provider" | "deployer" | "importer" | "distributor" | "product_manufacturer" | "authorised_representative";
            owners: {
                [key: string]: {
                    assignedAt: string;
                    assignedBy: string;
                    person: string;
                    team: string;
                };
            };
            ownershipCoverage: number;
            /** @default [] */
            pilotResults?: {
                metric: string;
                /** @default  */
                unit?: string;
                value: string;
            }[];
            posture: {
                conditions: string[];
                domains: {
                    criteria: {
                        basis?: string;
                        expiredAt?: string;
                        /** @enum {string} */
                        id: "ownership.long_term_accountability" | "ownership.production_support" | "ownership.escalation_paths" | "governance.approval_pathways" | "governance.escalation_authority" | "governance.coordination" | "sequencing.prioritization" | "sequencing.pacing" | "sequencing.dependencies" | "economics.cost_visibility" | "economics.monitoring_overhead" | "economics.support_burden" | "resilience.support_escalation" | "resilience.rollback" | "resilience.instability" | "portfolio.priorities" | "portfolio.dependencies" | "portfolio.conflicts";
                        /** @enum {string} */
                        source: "attested" | "measured" | "missing";
                        /** @enum {string} */
                        state: "absent" | "partial" | "established";
                    }[];
                    /** @enum {string} */
                    id: "ownership" | "governance" | "sequencing" | "economics" | "resilience" | "portfolio";
                    score: number;
                }[];
                evaluatedAt: string;
                hold?: {
                    endsAt: string;
                    keptFrom?: {
                        modelVersion: string;
                        since: string;
                    };
                    modelVersion: string;
                    restartedFrom?: {
                        modelVersion: string;
                        since: string;
                    };
                    since: string;
                } | null;
                /** Format: uuid */
                initiativeId: string;
                modelVersion: string;
                patterns: {
                    detail: string;
                    id: string;
                    title: string;
                }[];
                /** @enum {string} */
                posture: "pause" | "controlled_investment" | "authorize_deployment";
                scopeEnvelope?: {
                    basis: string;
                    businessUnits: string[];
                    currency: string | null;
                    monthlySpendCap: string | null;
                    users: number | null;
                } | null;
                signals: string[];
                trends?: {
                    [key: string]: "improving" | "stable" | "deteriorating";
                };
            } | null;
            /**
             * @default {
             *       "businessUnits": [],
             *       "users": null,
             *       "workflows": []
             *     }
             */
            requestedScope?: {
                /** @default [] */
                businessUnits?: string[];
                /** @default null */
                users?: number | null;
                /** @default [] */
                workflows?: string[];
            };
            /**
             * @default minimal
             * @enum {string}
             */
            riskTier?: "minimal" | "limited" | "high" | "prohibited";
            /** @default  */
            sponsor?: string;
            /**
             * @default pilot
             * @enum {string}
             */
            stage?: "pilot" | "scaling" | "production" | "retired";
            /** @default  */
            summary?: string;
            /** @default [] */
            tags?: string[];
            /** @default {} */
            targetDates?: {
                /** Format: date */
                fullRollout?: string;
                /** Format: date */
                pilotEnd?: string;
                /** Format: date */
                productionStart?: string;
            };
            updatedAt: string;
            /** @default  */
            useCaseCategory?: string;
            version: number;
        };
        MeDto: {
            businessUnits: string[] | null;
            capabilities: string[];
            roles: ("admin" | "pmo" | "finance" | "engineering" | "viewer")[];
            subject: string;
        };
        OverrideListDto: {
            items: {
                createdAt: string;
                createdBy: string;
                /** Format: uuid */
                id: string;
                override: {
                    /** Format: uuid */
                    initiativeId: string;
                    /** @enum {string} */
                    kind: "priority";
                    priority: number;
                    reason: string;
                } | {
                    /** Format: uuid */
                    initiativeId: string;
                    /** @enum {string} */
                    kind: "pin";
                    reason: string;
                    /** Format: date */
                    start: string;
                    wave: string;
                } | {
                    /** Format: uuid */
                    first: string;
                    /** @enum {string} */
                    kind: "order";
                    reason: string;
                    /** Format: uuid */
                    then: string;
                };
                revokedAt: string | null;
                revokedBy: string | null;
                revokeReason: string | null;
            }[];
        };
        OverrideViewDto: {
            createdAt: string;
            createdBy: string;
            /** Format: uuid */
            id: string;
            override: {
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                kind: "priority";
                priority: number;
                reason: string;
            } | {
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                kind: "pin";
                reason: string;
                /** Format: date */
                start: string;
                wave: string;
            } | {
                /** Format: uuid */
                first: string;
                /** @enum {string} */
                kind: "order";
                reason: string;
                /** Format: uuid */
                then: string;
            };
            revokedAt: string[];
            revokedBy: string[];
            revokeReason: string[];
        };
        PlanComparisonDto: {
            /** Format: uuid */
            againstPlanId: string;
            diff: {
                added: {
                    businessUnit: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    start: string;
                    underway?: boolean;
                    wave: string;
                }[];
                contestsCreated: string[];
                contestsResolved: string[];
                moved: {
                    because: string[];
                    businessUnit: string;
                    from: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    to: string;
                    underway?: boolean;
                    wave: string;
                    weeks: number;
                }[];
                removed: {
                    businessUnit: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    start: string;
                    underway?: boolean;
                    wave: string;
                }[];
                valueDelta: number;
                weeksGained: number;
                weeksLost: number;
            };
            /** Format: uuid */
            planId: string;
        };
        PlanContestsDto: {
            contests: {
                capacity: number;
                competitors: {
                    businessUnit: string;
                    delayWeeks: number;
                    initiativeId: string;
                    initiativeKey: string;
                    /** @enum {string} */
                    outcome: "won" | "lost";
                    pinned?: boolean;
                    priority: number;
                    underway?: boolean;
                    wave: string;
                    why: string;
                }[];
                demand: number;
                from: string;
                otherHolders: {
                    businessUnit: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    underway?: boolean;
                    wave: string;
                }[];
                pool: string;
                to: string;
            }[];
            fairness: {
                businessUnit: string;
                byQuarter: {
                    capacityShare: number;
                    demandShare: number;
                    quarter: string;
                }[];
                capacityShare: number;
                demandShare: number;
            }[];
            /** Format: uuid */
            planId: string;
        };
        PlanDto: {
            changes: {
                added: {
                    businessUnit: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    start: string;
                    underway?: boolean;
                    wave: string;
                }[];
                contestsCreated: string[];
                contestsResolved: string[];
                moved: {
                    because: string[];
                    businessUnit: string;
                    from: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    to: string;
                    underway?: boolean;
                    wave: string;
                    weeks: number;
                }[];
                removed: {
                    businessUnit: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    start: string;
                    underway?: boolean;
                    wave: string;
                }[];
                valueDelta: number;
                weeksGained: number;
                weeksLost: number;
            } | null;
            contestCount: number;
            createdAt: string;
            createdBy: string;
            held: {
                businessUnit: string;
                conditions: string[];
                initiativeId: string;
                initiativeKey: string;
                name: string;
                /** @enum {string|null} */
                posture: "pause" | "controlled_investment" | "authorize_deployment" | null;
                waves: {
                    finished?: boolean;
                    finishedOn?: string;
                    reason: string;
                    startedOn?: string;
                    wave: string;
                }[];
            }[];
            horizonWeeks: number;
            /** Format: uuid */
            id: string;
            /** @enum {string} */
            kind: "draft" | "published" | "scenario";
            objective: number;
            /** Format: uuid */
            previousPlanId: string | null;
            publishedAt: string[];
            publishedBy: string[];
            seed: number;
            startDate: string;
            stats: {
                elapsedMs: number;
                firstFeasibleMs: number;
                schedules: number;
                stoppedBy: string;
            };
            trigger: string;
            /** @default null */
            unpublishable?: string[];
            version: number | null;
            warnings: string[];
            waves: {
                businessUnit: string;
                costPerWeek: string;
                deadline: string | null;
                delayWeeks: number;
                demand: {
                    [key: string]: number;
                };
                earliestWeek: number;
                end: string;
                endWeek: number;
                initiativeId: string;
                initiativeKey: string;
                initiativeName: string;
                lateWeeks: number;
                name: string;
                pinned?: boolean;
                /** @enum {string|null} */
                posture: "pause" | "controlled_investment" | "authorize_deployment" | null;
                priority: number;
                /** @enum {string} */
                prioritySource: "derived" | "override";
                reasons: {
                    heldBy?: {
                        businessUnit: string;
                        initiativeId: string;
                        initiativeKey: string;
                        pinned?: boolean;
                        priority: number;
                        underway?: boolean;
                        wave: string;
                    }[];
                    heldByCount?: number;
                    /** @enum {string} */
                    kind: "capacity" | "dependency" | "budget" | "freeze";
                    pool?: string;
                    text: string;
                    weeks?: {
                        from: string;
                        to: string;
                    }[];
                }[];
                start: string;
                startWeek: number;
                underway?: boolean;
                underwaySince?: string;
                wave: string;
            }[];
        };
        PlanListDto: {
            items: {
                contestCount: number;
                createdAt: string;
                createdBy: string;
                /** Format: uuid */
                id: string;
                /** @enum {string} */
                kind: "draft" | "published" | "scenario";
                objective: number;
                publishedAt: string | null;
                startDate: string;
                trigger: string;
                version: number | null;
            }[];
            /** @default null */
            nextCursor?: string[];
        };
        PoolListDto: {
            items: {
                /** @default [] */
                adjustments?: {
                    capacity: number;
                    /** Format: date */
                    from: string;
                    /** @default  */
                    reason?: string;
                    /** Format: date */
                    to: string;
                }[];
                capacityPerWeek: number;
                id: string;
                name: string;
                updatedAt: string;
                updatedBy: string;
                version: number;
            }[];
        };
        PortfolioReadinessDto: {
            capitalAheadOfReadiness: {
                amount: string;
                currency: string;
                initiatives: number;
            }[];
            conditionsByCapital: {
                amount: string;
                condition: string;
                currency: string;
                initiatives: number;
            }[];
            counts: {
                [key: string]: number;
            };
            heatmap: {
                domainScores: {
                    [key: string]: number;
                };
                /** Format: uuid */
                initiativeId: string;
                /** @enum {string} */
                posture: "pause" | "controlled_investment" | "authorize_deployment";
            }[];
            modelVersion: string;
            topConditions: {
                condition: string;
                initiatives: number;
            }[];
        };
        PortfolioTrendsDto: {
            weeks: {
                counts: {
                    [key: string]: number;
                };
                signals: {
                    initiatives: number;
                    signal: string;
                }[];
                /** Format: date */
                weekEnding: string;
            }[];
        };
        PostureDto: {
            conditions: string[];
            domains: {
                criteria: {
                    basis?: string;
                    expiredAt?: string;
                    /** @enum {string} */
                    id: "ownership.long_term_accountability" | "ownership.production_support" | "ownership.escalation_paths" | "governance.approval_pathways" | "governance.escalation_authority" | "governance.coordination" | "sequencing.prioritization" | "sequencing.pacing" | "sequencing.dependencies" | "economics.cost_visibility" | "economics.monitoring_overhead" | "economics.support_burden" | "resilience.support_escalation" | "resilience.rollback" | "resilience.instability" | "portfolio.priorities" | "portfolio.dependencies" | "portfolio.conflicts";
                    /** @enum {string} */
                    source: "attested" | "measured" | "missing";
                    /** @enum {string} */
                    state: "absent" | "partial" | "established";
                }[];
                /** @enum {string} */
                id: "ownership" | "governance" | "sequencing" | "economics" | "resilience" | "portfolio";
                score: number;
            }[];
            evaluatedAt: string;
            hold?: {
                endsAt: string;
                keptFrom?: {
                    modelVersion: string;
                    since: string;
                };
                modelVersion: string;
                restartedFrom?: {
                    modelVersion: string;
                    since: string;
                };
                since: string;
            } | null;
            /** Format: uuid */
            initiativeId: string;
            inputs?: unknown;
            modelVersion: string;
            patterns: {
                detail: string;
                id: string;
                title: string;
            }[];
            /** @enum {string} */
            posture: "pause" | "controlled_investment" | "authorize_deployment";
            scopeEnvelope?: {
                basis: string;
                businessUnits: string[];
                currency: string | null;
                monthlySpendCap: string | null;
                users: number | null;
            } | null;
            signals: string[];
            trends?: {
                [key: string]: "improving" | "stable" | "deteriorating";
            };
        };
        /** @description RFC 9457 problem details: every error the API answers has this shape. */
        Problem: {
            /** @description Quote it when asking about the request: it is in every log line the request left */
            correlationId?: string;
            detail?: string;
            /** @description What was wrong, field by field */
            errors?: {
                field: string;
                message: string;
            }[];
            /** @description The path of the request */
            instance?: string;
            /** @example 400 */
            status: number;
            /** @example Bad Request */
            title: string;
            /** @example /problems/validation-failed */
            type: string;
        };
        RecordCostEntryDto: {
            amount: string;
            /** @enum {string} */
            category: "inference" | "infrastructure" | "data" | "monitoring" | "support_staffing" | "operating_controls" | "other";
            /** Format: date */
            chargeDate: string;
            currency: string;
            /**
             * Format: uuid
             * @default null
             */
            initiativeId?: string | null;
            /** @enum {string} */
            phase: "pilot" | "production";
            /** @default  */
            reference?: string;
            /**
             * @default manual
             * @enum {string}
             */
            source?: "manual" | "metered";
        };
        RecordDecisionDto: {
            /** @enum {string} */
            decision: "pause" | "controlled_investment" | "authorize_deployment";
            rationale: string;
            scopeEnvelope?: {
                businessUnits: string[];
                currency: string;
                monthlySpendCap: string;
                users: number;
            };
        };
        RecordEvidenceDto: {
            attestedAt?: string;
            attestedBy: string;
            /** @default  */
            evidence?: string;
            expiresAt?: (string) | null;
            /** @enum {string} */
            status: "absent" | "partial" | "established";
        };
        RecordFxRatesDto: {
            rates: {
                currency: string;
                /** Format: date */
                date: string;
                rate: string;
                /** @default  */
                source?: string;
            }[];
        };
        RecordTelemetryDto: {
            approvalCycleTimeDays?: number | null;
            crossTeamEscalations?: number | null;
            incidents?: number | null;
            period: {
                /** @enum {string} */
                kind: "week" | "month";
                /** Format: date */
                start: string;
            };
            rollbacks?: number | null;
            scopeExpansions?: number | null;
            supportBacklog?: number | null;
            supportTicketsClosed?: number | null;
            supportTicketsOpened?: number | null;
        };
        RecordTokenUsageDto: {
            /** @default 0 */
            cachedTokens?: number;
            /** Format: date */
            date: string;
            /** Format: uuid */
            initiativeId: string;
            inputTokens: number;
            model: string;
            outputTokens: number;
            /**
             * @default production
             * @enum {string}
             */
            phase?: "pilot" | "production";
            /** @default  */
            reference?: string;
        };
        RecordVolumeDto: {
            /** Format: uuid */
            initiativeId: string;
            metric: string;
            period: string;
            /** @enum {string} */
            phase: "pilot" | "production";
            volume: string;
        };
        RegisterInitiativeDto: {
            businessUnit: string;
            /** @default {} */
            customFields?: {
                [key: string]: string | number | boolean;
            };
            /**
             * @default internal
             * @enum {string}
             */
            dataSensitivity?: "public" | "internal" | "confidential" | "restricted";
            name: string;
            /**
             * @default deployer
             * @enum {string}
             */
            operatorRole?: "provider" | "deployer" | "importer" | "distributor" | "product_manufacturer" | "authorised_representative";
            /** @default [] */
            pilotResults?: {
                metric: string;
                /** @default  */
                unit?: string;
                value: string;
            }[];
            /**
             * @default {
             *       "businessUnits": [],
             *       "users": null,
             *       "workflows": []
             *     }
             */
            requestedScope?: {
                /** @default [] */
                businessUnits?: string[];
                /** @default null */
                users?: number | null;
                /** @default [] */
                workflows?: string[];
            };
            /**
             * @default minimal
             * @enum {string}
             */
            riskTier?: "minimal" | "limited" | "high" | "prohibited";
            /** @default  */
            sponsor?: string;
            /**
             * @default pilot
             * @enum {string}
             */
            stage?: "pilot" | "scaling" | "production" | "retired";
            /** @default  */
            summary?: string;
            /** @default [] */
            tags?: string[];
            /** @default {} */
            targetDates?: {
                /** Format: date */
                fullRollout?: string;
                /** Format: date */
                pilotEnd?: string;
                /** Format: date */
                productionStart?: string;
            };
            /** @default  */
            useCaseCategory?: string;
        };
        RepriceDto: {
            /** Format: date */
            from: string;
            /** Format: date */
            to: string;
        };
        RepricingDto: {
            changes: {
                currency: string;
                date: string;
                difference: string | null;
                from: string;
                fromCurrency: string;
                to: string;
                /** Format: uuid */
                usageId: string;
            }[];
            model: string;
            unchanged: number;
        };
        ReversalDto: {
            /** @default  */
            reason?: string;
        };
        RevocationDto: {
            reason: string;
        };
        RolloutBudgetDto: {
            amount: string;
        };
        RolloutBudgetListDto: {
            items: {
                amount: string;
                quarter: string;
                updatedAt: string;
                updatedBy: string;
                version: number;
            }[];
        };
        RolloutBudgetViewDto: {
            amount: string;
            quarter: string;
            updatedAt: string;
            updatedBy: string;
            version: number;
        };
        RolloutDto: {
            /** @default 0 */
            value?: string;
            waves: {
                /** @default [] */
                after?: {
                    /**
                     * Format: uuid
                     * @default null
                     */
                    initiativeId?: string | null;
                    /** @default 0 */
                    lagWeeks?: number;
                    wave: string;
                }[];
                businessUnit?: string;
                /** @default 0 */
                costPerWeek?: string;
                /**
                 * Format: date
                 * @default null
                 */
                deadline?: string | null;
                /** @default {} */
                demand?: {
                    [key: string]: number;
                };
                durationWeeks: number;
                /**
                 * Format: date
                 * @default null
                 */
                earliestStart?: string | null;
                key: string;
                name: string;
                /** @default false */
                withinControlledScope?: boolean;
            }[];
        };
        RolloutViewDto: {
            /** Format: uuid */
            initiativeId: string;
            /** @default [] */
            progress?: {
                /** Format: date */
                finishedOn: string | null;
                /** Format: uuid */
                initiativeId: string;
                recordedAt: string;
                recordedBy: string;
                /** Format: date */
                startedOn: string | null;
                wave: string;
            }[];
            updatedAt: string;
            updatedBy: string;
            /** @default 0 */
            value?: string;
            version: number;
            waves: {
                /** @default [] */
                after?: {
                    /**
                     * Format: uuid
                     * @default null
                     */
                    initiativeId?: string | null;
                    /** @default 0 */
                    lagWeeks?: number;
                    wave: string;
                }[];
                businessUnit?: string;
                /** @default 0 */
                costPerWeek?: string;
                /**
                 * Format: date
                 * @default null
                 */
                deadline?: string | null;
                /** @default {} */
                demand?: {
                    [key: string]: number;
                };
                durationWeeks: number;
                /**
                 * Format: date
                 * @default null
                 */
                earliestStart?: string | null;
                key: string;
                name: string;
                /** @default false */
                withinControlledScope?: boolean;
            }[];
        };
        ScenarioDiffDto: {
            /** Format: uuid */
            basePlanId: string;
            diff: {
                added: {
                    businessUnit: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    start: string;
                    underway?: boolean;
                    wave: string;
                }[];
                contestsCreated: string[];
                contestsResolved: string[];
                moved: {
                    because: string[];
                    businessUnit: string;
                    from: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    to: string;
                    underway?: boolean;
                    wave: string;
                    weeks: number;
                }[];
                removed: {
                    businessUnit: string;
                    initiativeId: string;
                    initiativeKey: string;
                    pinned?: boolean;
                    priority: number;
                    start: string;
                    underway?: boolean;
                    wave: string;
                }[];
                valueDelta: number;
                weeksGained: number;
                weeksLost: number;
            };
            /** Format: uuid */
            planId: string;
            /** Format: uuid */
            scenarioId: string;
        };
        ScenarioDto: {
            /** Format: uuid */
            basePlanId: string;
            changes: unknown[];
            createdAt: string;
            createdBy: string;
            /** Format: uuid */
            id: string;
            name: string;
            /** Format: uuid */
            planId: string;
            /** Format: uuid */
            promotedPlanId: string | null;
        };
        ScoringModelDto: {
            /** @default 0 */
            closedMonthGraceDays?: number;
            domainThreshold: number;
            holdPeriodSeconds: number;
            minAttributedSpendShare: string;
            /**
             * @default {
             *       "fragmentedTeams": 3,
             *       "backlogGrowthPeriods": 3,
             *       "escalationsPerPeriod": 3,
             *       "unitCostRatio": "1.5"
             *     }
             */
            patterns?: {
                backlogGrowthPeriods: number;
                escalationsPerPeriod: number;
                fragmentedTeams: number;
                /** @default 1.5 */
                unitCostRatio?: string;
            };
            /**
             * @default [
             *       "approval_authority",
             *       "accountable_owner",
             *       "production_support"
             *     ]
             */
            pauseUnlessOwned?: ("accountable_owner" | "production_support" | "escalation_owner" | "approval_authority" | "budget_owner" | "risk_owner")[];
            points: {
                absent: number;
                established: number;
                partial: number;
            };
            /** @default true */
            requireLatestClosedMonthCosts?: boolean;
            version: string;
        };
        ScoringModelListDto: {
            items: {
                activatedAt: string | null;
                /** @default [] */
                activations?: {
                    activatedAt: string;
                    activatedBy: string;
                    replaced: string | null;
                }[];
                createdAt: string;
                createdBy: string;
                definition: {
                    /** @default 0 */
                    closedMonthGraceDays?: number;
                    domainThreshold: number;
                    holdPeriodSeconds: number;
                    minAttributedSpendShare: string;
                    /**
                     * @default {
                     *       "fragmentedTeams": 3,
                     *       "backlogGrowthPeriods": 3,
                     *       "escalationsPerPeriod": 3,
                     *       "unitCostRatio": "1.5"
                     *     }
                     */
                    patterns?: {
                        backlogGrowthPeriods: number;
                        escalationsPerPeriod: number;
                        fragmentedTeams: number;
                        /** @default 1.5 */
                        unitCostRatio?: string;
                    };
                    /**
                     * @default [
                     *       "approval_authority",
                     *       "accountable_owner",
                     *       "production_support"
                     *     ]
                     */
                    pauseUnlessOwned?: ("accountable_owner" | "production_support" | "escalation_owner" | "approval_authority" | "budget_owner" | "risk_owner")[];
                    points: {
                        absent: number;
                        established: number;
                        partial: number;
                    };
                    /** @default true */
                    requireLatestClosedMonthCosts?: boolean;
                    version: string;
                };
                /** @enum {string} */
                status: "draft" | "active" | "retired";
                version: string;
            }[];
        };
        ScoringModelViewDto: {
            activatedAt: string[];
            /** @default [] */
            activations?: {
                activatedAt: string;
                activatedBy: string;
                replaced: string | null;
            }[];
            createdAt: string;
            createdBy: string;
            definition: {
                /** @default 0 */
                closedMonthGraceDays?: number;
                domainThreshold: number;
                holdPeriodSeconds: number;
                minAttributedSpendShare: string;
                /**
                 * @default {
                 *       "fragmentedTeams": 3,
                 *       "backlogGrowthPeriods": 3,
                 *       "escalationsPerPeriod": 3,
                 *       "unitCostRatio": "1.5"
                 *     }
                 */
                patterns?: {
                    backlogGrowthPeriods: number;
                    escalationsPerPeriod: number;
                    fragmentedTeams: number;
                    /** @default 1.5 */
                    unitCostRatio?: string;
                };
                /**
                 * @default [
                 *       "approval_authority",
                 *       "accountable_owner",
                 *       "production_support"
                 *     ]
                 */
                pauseUnlessOwned?: ("accountable_owner" | "production_support" | "escalation_owner" | "approval_authority" | "budget_owner" | "risk_owner")[];
                points: {
                    absent: number;
                    established: number;
                    partial: number;
                };
                /** @default true */
                requireLatestClosedMonthCosts?: boolean;
                version: string;
            };
            /** @enum {string} */
            status: "draft" | "active" | "retired";
            version: string;
        };
        ServiceAccountDto: {
            /** @description The business units the key may act for; null for all */
            businessUnits: string[] | null;
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: uuid */
            id: string;
            /** @description The visible start of the key, to tell keys apart */
            keyPrefix: string;
            /**
             * Format: date-time
             * @description To the minute
             */
            lastUsedAt: string | null;
            name: string;
            /** Format: date-time */
            revokedAt: string | null;
            revokedBy: string[];
            roles: ("admin" | "pmo" | "finance" | "engineering" | "viewer")[];
        };
        ServiceAccountListDto: {
            items: {
                /** @description The business units the key may act for; null for all */
                businessUnits: string[] | null;
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                /** Format: uuid */
                id: string;
                /** @description The visible start of the key, to tell keys apart */
                keyPrefix: string;
                /**
                 * Format: date-time
                 * @description To the minute
                 */
                lastUsedAt: string | null;
                name: string;
                /** Format: date-time */
                revokedAt: string | null;
                revokedBy: string | null;
                roles: ("admin" | "pmo" | "finance" | "engineering" | "viewer")[];
            }[];
        };
        SetBudgetDto: {
            amount: string;
            /** @enum {string} */
            category: "inference" | "infrastructure" | "data" | "monitoring" | "support_staffing" | "operating_controls" | "other";
            currency: string;
            /** Format: uuid */
            initiativeId: string;
            period: string;
            /**
             * @default [
             *       "0.5",
             *       "0.8",
             *       "1"
             *     ]
             */
            thresholds?: string[];
        };
        SetTokenPriceDto: {
            /** @default 0 */
            cachedPer1k?: string;
            currency: string;
            /** Format: date */
            effectiveFrom: string;
            inputPer1k: string;
            outputPer1k: string;
        };
        SubscribeDto: {
            description?: string;
            eventTypes: ("budget.burn_changed" | "budget.commitment_changed" | "budget.threshold_crossed" | "cost.imported" | "cost.recorded" | "cost.unit_economics_changed" | "cost.visibility_changed" | "decision.recorded" | "dependency.added" | "dependency.removed" | "evidence.expired" | "evidence.recorded" | "fx.month_rates_recorded" | "initiative.archived" | "initiative.registered" | "initiative.updated" | "owner.assigned" | "owner.removed" | "plan.draft_recomputed" | "plan.published" | "posture.changed" | "rollout.contention_measured" | "score.updated" | "telemetry.recorded")[];
            /** Format: uri */
            url: string;
        };
        SubscriptionDto: {
            /** Format: date-time */
            createdAt: string;
            createdBy: string;
            /** Format: date-time */
            deactivatedAt: string | null;
            description: string[];
            eventTypes: string[];
            /** Format: uuid */
            id: string;
            url: string;
        };
        SubscriptionListDto: {
            items: {
                /** Format: date-time */
                createdAt: string;
                createdBy: string;
                /** Format: date-time */
                deactivatedAt: string | null;
                description: string | null;
                eventTypes: string[];
                /** Format: uuid */
                id: string;
                url: string;
            }[];
        };
        TelemetryListDto: {
            items: {
                approvalCycleTimeDays: number | null;
                crossTeamEscalations: number | null;
                incidents: number | null;
                /** Format: uuid */
                initiativeId: string;
                period: {
                    /** @enum {string} */
                    kind: "week" | "month";
                    /** Format: date */
                    start: string;
                };
                recordedAt: string;
                recordedBy: string;
                rollbacks: number | null;
                scopeExpansions: number | null;
                supportBacklog: number | null;
                supportTicketsClosed: number | null;
                supportTicketsOpened: number | null;
            }[];
        };
        TelemetryRecordDto: {
            approvalCycleTimeDays: number | null;
            crossTeamEscalations: number | null;
            incidents: number | null;
            /** Format: uuid */
            initiativeId: string;
            period: {
                /** @enum {string} */
                kind: "week" | "month";
                /** Format: date */
                start: string;
            };
            recordedAt: string;
            recordedBy: string;
            rollbacks: number | null;
            scopeExpansions: number | null;
            supportBacklog: number | null;
            supportTicketsClosed: number | null;
            supportTicketsOpened: number | null;
        };
        TokenPriceDto: {
            /** @default 0 */
            cachedPer1k?: string;
            currency: string;
            /** Format: date */
            effectiveFrom: string;
            /** Format: uuid */
            id: string;
            inputPer1k: string;
            model: string;
            outputPer1k: string;
            recordedAt: string;
            recordedBy: string;
        };
        TokenPriceListDto: {
            items: {
                /** @default 0 */
                cachedPer1k?: string;
                currency: string;
                /** Format: date */
                effectiveFrom: string;
                /** Format: uuid */
                id: string;
                inputPer1k: string;
                model: string;
                outputPer1k: string;
                recordedAt: string;
                recordedBy: string;
            }[];
        };
        TokenUsageDto: {
            amount: string;
            /** @default 0 */
            cachedTokens?: number;
            currency: string;
            /** Format: date */
            date: string;
            /** Format: uuid */
            entryId: string;
            /** Format: uuid */
            id: string;
            /** Format: uuid */
            initiativeId: string;
            inputTokens: number;
            model: string;
            outputTokens: number;
            /**
             * @default production
             * @enum {string}
             */
            phase?: "pilot" | "production";
            /** Format: uuid */
            priceId: string;
            recordedBy: string;
            /** @default  */
            reference?: string;
        };
        UnitEconomicsListDto: {
            items: {
                categoriesWithoutData: string[];
                currency: string;
                /** Format: uuid */
                initiativeId: string;
                inReportingCurrency?: boolean;
                metric: string;
                pilot: {
                    cost: string;
                    months: string[];
                    unconvertedEntries?: number;
                    unitCost: string | null;
                    volume: string;
                };
                production: {
                    cost: string;
                    months: string[];
                    unconvertedEntries?: number;
                    unitCost: string | null;
                    volume: string;
                };
                productionToPilot: string | null;
            }[];
        };
        UpdateInitiativeDto: {
            businessUnit?: string;
            customFields?: {
                [key: string]: string | number | boolean;
            };
            /** @enum {string} */
            dataSensitivity?: "public" | "internal" | "confidential" | "restricted";
            name?: string;
            /** @enum {string} */
            operatorRole?: "provider" | "deployer" | "importer" | "distributor" | "product_manufacturer" | "authorised_representative";
            pilotResults?: {
                metric: string;
                /** @default  */
                unit?: string;
                value: string;
            }[];
            requestedScope?: {
                businessUnits?: string[];
                users?: number | null;
                workflows?: string[];
            };
            /** @enum {string} */
            riskTier?: "minimal" | "limited" | "high" | "prohibited";
            sponsor?: string;
            /** @enum {string} */
            stage?: "pilot" | "scaling" | "production" | "retired";
            summary?: string;
            tags?: string[];
            targetDates?: {
                /** Format: date */
                fullRollout?: string | null;
                /** Format: date */
                pilotEnd?: string | null;
                /** Format: date */
                productionStart?: string | null;
            };
            useCaseCategory?: string;
        };
        VersionResponseDto: {
            version: number;
        };
        VolumeDto: {
            /** Format: uuid */
            initiativeId: string;
            metric: string;
            period: string;
            /** @enum {string} */
            phase: "pilot" | "production";
            recordedBy: string;
            volume: string;
        };
        WaveProgressDto: {
            /**
             * Format: date
             * @default null
             */
            finishedOn?: string | null;
            /** Format: date */
            startedOn: string | null;
        };
        WaveProgressViewDto: {
            /** Format: date */
            finishedOn: string | null;
            /** Format: uuid */
            initiativeId: string;
            recordedAt: string;
            recordedBy: string;
            /** Format: date */
            startedOn: string | null;
            wave: string;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    AdminController_sweepEvidence: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["EvidenceSweepDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EvidenceSweepResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostImportsController_rules: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationRuleListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostImportsController_createRule: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AllocationRuleInputDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationRuleDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostImportsController_retireRule: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AllocationRuleDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuditController_list: {
        parameters: {
            query?: {
                action?: string;
                actor?: string;
                cursor?: string;
                initiativeId?: string;
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditLogDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuthConfigController_config: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuthConfigDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    AuthConfigController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MeDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostsController_budgets: {
        parameters: {
            query?: {
                initiativeId?: string;
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostsController_setBudget: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetBudgetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["BudgetStatusDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_putFreezeWindows: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (version) of what is being replaced, e.g. "3": 412 if it has changed since */
                "If-Match"?: string;
                /** @description `*`: only if there is none yet (412 otherwise) */
                "If-None-Match"?: string;
            };
            path: {
                businessUnit: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FreezeWindowsDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FreezeWindowsViewDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostsController_recordVolume: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordVolumeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VolumeDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_pools: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PoolListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_putPool: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (version) of what is being replaced, e.g. "3": 412 if it has changed since */
                "If-Match"?: string;
                /** @description `*`: only if there is none yet (412 otherwise) */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CapacityPoolDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CapacityPoolViewDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostsController_list: {
        parameters: {
            query?: {
                cursor?: string;
                importId?: string;
                initiativeId?: string;
                limit?: number;
                period?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostEntryListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostsController_record: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat the POST safely (1–255 visible ASCII characters): the first answer is replayed, and a repeat after a lost answer applies nothing twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordCostEntryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostEntryDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostsController_reverse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReversalDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostEntryDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostImportsController_list: {
        parameters: {
            query?: {
                cursor?: string;
                limit?: number;
                status?: "receiving" | "processing" | "completed" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostImportListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostImportsController_start: {
        parameters: {
            query: {
                currency?: string;
                duplicate?: "refuse" | "allow";
                format: "focus";
                phase?: "pilot" | "production";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostImportDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostImportDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostImportsController_reallocate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CostImportReallocationDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostImportDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostImportsController_reverse: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CostImportReversalDto"];
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostImportDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostsController_summary: {
        parameters: {
            query: {
                groupBy: "serviceCategory" | "category" | "initiative" | "month" | "currency" | "phase";
                importId?: string;
                initiativeId?: string;
                reporting?: boolean | ("true" | "false");
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CostSummaryDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    EventsController_stream: {
        parameters: {
            query?: {
                /** @description The bearer token, for EventSource clients */
                access_token?: unknown;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_freezeWindows: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FreezeWindowsListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExchangeRatesController_list: {
        parameters: {
            query?: {
                currency?: string;
                from?: string;
                latest?: boolean | ("true" | "false");
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FxRateListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExchangeRatesController_record: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordFxRatesDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FxRecordedDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ExchangeRatesController_conversions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FxConversionListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    HealthController_ready: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativeImportsController_start: {
        parameters: {
            query?: {
                mode?: "all-or-nothing" | "valid-rows";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativeImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_list: {
        parameters: {
            query?: {
                businessUnit?: string;
                cursor?: string;
                includeArchived?: boolean | ("true" | "false");
                limit?: number;
                owner?: string;
                posture?: "pause" | "controlled_investment" | "authorize_deployment";
                q?: string;
                riskTier?: "minimal" | "limited" | "high" | "prohibited";
                sort?: string;
                stage?: "pilot" | "scaling" | "production" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitiativeListResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_register: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat the POST safely (1–255 visible ASCII characters): the first answer is replayed, and a repeat after a lost answer applies nothing twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RegisterInitiativeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitiativeResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitiativeResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_update: {
        parameters: {
            query?: never;
            header: {
                /** @description The ETag of the version being changed, e.g. "3" */
                "If-Match": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateInitiativeDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitiativeResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_archive: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version being changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["InitiativeResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_audit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_recordEvidence: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version being changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                criterionId: "ownership.long_term_accountability" | "ownership.production_support" | "ownership.escalation_paths" | "governance.approval_pathways" | "governance.escalation_authority" | "governance.coordination" | "sequencing.prioritization" | "sequencing.pacing" | "sequencing.dependencies" | "economics.cost_visibility" | "economics.monitoring_overhead" | "economics.support_burden" | "resilience.support_escalation" | "resilience.rollback" | "resilience.instability" | "portfolio.priorities" | "portfolio.dependencies" | "portfolio.conflicts";
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordEvidenceDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_recordDecision: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat the POST safely (1–255 visible ASCII characters): the first answer is replayed, and a repeat after a lost answer applies nothing twice */
                "Idempotency-Key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordDecisionDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DecisionResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_addDependency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddDependencyDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DependencyResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_removeDependency: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                dependsOn: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DependencyResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostsController_forecast: {
        parameters: {
            query?: {
                metric?: string;
                months?: number;
                productionVolume?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ForecastDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_assignOwner: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version being changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                id: string;
                responsibility: "accountable_owner" | "production_support" | "escalation_owner" | "approval_authority" | "budget_owner" | "risk_owner";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignOwnerDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_removeOwner: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag of the version being changed, e.g. "3" */
                "If-Match"?: string;
            };
            path: {
                id: string;
                responsibility: "accountable_owner" | "production_support" | "escalation_owner" | "approval_authority" | "budget_owner" | "risk_owner";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The responsibility has no owner again (a gap); 404 when it had none. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["VersionResponseDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PosturesController_posture: {
        parameters: {
            query?: {
                asOf?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostureDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_rollout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolloutViewDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_putRollout: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (version) of what is being replaced, e.g. "3": 412 if it has changed since */
                "If-Match"?: string;
                /** @description `*`: only if there is none yet (412 otherwise) */
                "If-None-Match"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolloutDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolloutViewDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_putWaveProgress: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
                wave: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WaveProgressDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WaveProgressViewDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_telemetry: {
        parameters: {
            query?: {
                limit?: number;
                periodKind?: "week" | "month";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetryListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_recordTelemetry: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordTelemetryDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TelemetryRecordDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    CostsController_unitCosts: {
        parameters: {
            query?: {
                currency?: string;
                metric?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitEconomicsListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    InitiativesController_export: {
        parameters: {
            query?: {
                businessUnit?: string;
                includeArchived?: boolean | ("true" | "false");
                owner?: string;
                posture?: "pause" | "controlled_investment" | "authorize_deployment";
                q?: string;
                riskTier?: "minimal" | "limited" | "high" | "prohibited";
                sort?: string;
                stage?: "pilot" | "scaling" | "production" | "retired";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_overrides: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_addOverride: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description `{ kind: "priority", initiativeId, priority, reason }`, `{ kind: "pin", initiativeId, wave, start, reason }` or `{ kind: "order", first, then, reason }` */
        requestBody: {
            content: {
                "application/json": string;
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideViewDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_revokeOverride: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RevocationDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverrideViewDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_list: {
        parameters: {
            query?: {
                cursor?: string;
                kind?: "draft" | "published" | "scenario";
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_compute: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat the POST safely (1–255 visible ASCII characters): the first answer is replayed, and a repeat after a lost answer applies nothing twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ComputePlanDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_plan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_contests: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanContestsDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_compare: {
        parameters: {
            query: {
                against: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanComparisonDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_publish: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_current: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PosturesController_readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortfolioReadinessDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PosturesController_trends: {
        parameters: {
            query?: {
                weeks?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PortfolioTrendsDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_budgets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolloutBudgetListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    RolloutInputsController_putBudget: {
        parameters: {
            query?: never;
            header?: {
                /** @description The ETag (version) of what is being replaced, e.g. "3": 412 if it has changed since */
                "If-Match"?: string;
                /** @description `*`: only if there is none yet (412 otherwise) */
                "If-None-Match"?: string;
            };
            path: {
                quarter: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RolloutBudgetDto"];
            };
        };
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RolloutBudgetViewDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_createScenario: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat the POST safely (1–255 visible ASCII characters): the first answer is replayed, and a repeat after a lost answer applies nothing twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateScenarioDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_scenario: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_diff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScenarioDiffDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    PlansController_promote: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PlanDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ScoringModelsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoringModelListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ScoringModelsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ScoringModelDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ScoringModelViewDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ScoringModelsController_activate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ActivationDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ScoringModelsController_dryRun: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DryRunDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServiceAccountsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceAccountListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServiceAccountsController_create: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateServiceAccountDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedServiceAccountDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    ServiceAccountsController_revoke: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ServiceAccountDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TelemetryImportsController_start: {
        parameters: {
            query?: {
                mode?: "all-or-nothing" | "valid-rows";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "text/csv": string;
            };
        };
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TelemetryImportsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ImportDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TokenMeteringController_prices: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPriceListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TokenMeteringController_setPrice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetTokenPriceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenPriceDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TokenMeteringController_reprice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                model: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RepriceDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["RepricingDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    TokenMeteringController_recordUsage: {
        parameters: {
            query?: never;
            header?: {
                /** @description Repeat the POST safely (1–255 visible ASCII characters): the first answer is replayed, and a repeat after a lost answer applies nothing twice */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RecordTokenUsageDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenUsageDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_subscribe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SubscribeDto"];
            };
        };
        responses: {
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CreatedSubscriptionDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_deactivate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SubscriptionDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_deliveries: {
        parameters: {
            query?: {
                limit?: number;
                status?: "pending" | "delivered" | "failed";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryListDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_delivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDetailDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
    WebhooksController_replay: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                deliveryId: string;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeliveryDto"];
                };
            };
            /** @description The request is not valid (each field named in `errors`) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description No credential, or one that is invalid or expired */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description The caller's roles do not allow this */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Too many requests (see Retry-After) */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description A service or its database is unavailable just now (see Retry-After) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Any other error, as problem details (404, 409, 412, 422, 504 …) */
            default: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
        };
    };
}
