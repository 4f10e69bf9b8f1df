import { trace } from '@opentelemetry/api';
import { startTracing, traceCarrier } from './tracing';

describe(startTracing.name, () => {
  it('should trace nothing without an OTLP endpoint', async () => {
    const tracing = startTracing('probe', {});
    const span = trace.getTracer('capstan').startSpan('probe');
    expect(span.isRecording()).toBe(false);
    span.end();
    expect(traceCarrier()).toEqual({});
    await tracing.shutdown();
  });

  it('should record spans and carry their context once an endpoint is configured', async () => {
    const tracing = startTracing('probe', { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9' });
    const tracer = trace.getTracer('capstan');
    await tracer.startActiveSpan('probe', async (span) => {
      expect(span.isRecording()).toBe(true);
      expect(traceCarrier()['traceparent']).toMatch(new RegExp(`^00-${span.spanContext().traceId}-${span.spanContext().spanId}-01$`));
      span.end();
    });
    await tracing.shutdown().catch(() => undefined);
    trace.disable();
  });
});
