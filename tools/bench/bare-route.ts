/**
 * The yardstick for bench:load: a bare NestJS app answering one route with
 * JSON it holds in memory (no auth, no validation, no NATS, no database).
 * Usage: node -r @swc-node/register tools/bench/bare-route.ts <port> <json file>
 */
import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

const [port, file] = process.argv.slice(2);
const body: unknown = JSON.parse(readFileSync(file, 'utf8'));

@Controller()
class BareController {
  @Get('bare')
  answer(): unknown {
    return body;
  }
}

@Module({ controllers: [BareController] })
class BareModule {}

void NestFactory.create(BareModule, { logger: false }).then((app) => app.listen(Number(port), '127.0.0.1'));
