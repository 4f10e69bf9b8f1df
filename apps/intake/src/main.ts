import 'reflect-metadata';
import { bootstrapService } from '@capstan/service-kit';
import { AppModule, config } from './app/app.module';

void bootstrapService(AppModule, config).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
