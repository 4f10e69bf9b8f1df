import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { cleanupOpenApiDoc } from 'nestjs-zod';

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Capstan API')
    .setDescription('AI initiative readiness, authorization postures, production economics and rollout sequencing.')
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  return withProblems(cleanupOpenApiDoc(SwaggerModule.createDocument(app, config)));
}

const PROBLEM_SCHEMA = {
  type: 'object',
  description: 'RFC 9457 problem details: every error the API answers has this shape.',
  required: ['type', 'title', 'status'],
  properties: {
    type: { type: 'string', example: '/problems/validation-failed' },
    title: { type: 'string', example: 'Bad Request' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string' },
    instance: { type: 'string', description: 'The path of the request' },
    correlationId: { type: 'string', description: 'Quote it when asking about the request: it is in every log line the request left' },
    errors: {
      type: 'array',
      description: 'What was wrong, field by field',
      items: { type: 'object', required: ['field', 'message'], properties: { field: { type: 'string' }, message: { type: 'string' } } },
    },
  },
} as const;

const ERROR_STATUSES: Record<string, string> = {
  '400': 'The request is not valid (each field named in `errors`)',
  '401': 'No credential, or one that is invalid or expired',
  '403': 'The caller\'s roles do not allow this',
  '429': 'Too many requests (see Retry-After)',
  '503': 'A service or its database is unavailable just now (see Retry-After)',
  default: 'Any other error, as problem details (404, 409, 412, 422, 504 …)',
};

/** Every operation answers its errors as problem+json: the document says so, with the shape, where Nest's decorators cannot. */
function withProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = { ...document.components, schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA as never } };
  const problem = { content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
  for (const item of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'patch', 'delete'] as const) {
      const operation = item[method];
      if (!operation) continue;
      for (const [status, description] of Object.entries(ERROR_STATUSES)) {
        // Open routes (health, sign-in configuration) take no credential: no 401 or 403 to document.
        if ((status === '401' || status === '403') && !operation.security?.length) continue;
        operation.responses[status] ??= { description, ...problem };
      }
    }
  }
  return document;
}

/** Swagger UI at `/api/docs`, the document at `/api/openapi.json`. */
export function serveOpenApi(app: INestApplication): void {
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'api/openapi.json',
    yamlDocumentUrl: 'api/openapi.yaml',
  });
}
