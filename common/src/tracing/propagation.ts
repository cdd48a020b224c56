import type { Context, TextMapGetter, TextMapPropagator, TextMapSetter } from '@opentelemetry/api';

/**
 * A propagator for a process whose callers are not trusted (the gateway facing clients): it
 * writes traceparent on the calls it makes (the gateway's fetches to the departments) but reads
 * nothing from the requests it receives, so each client request starts a new trace, sampled by
 * our own sampler. A client's traceparent cannot force sampling (the sampled flag with a
 * parent-based sampler) nor attach our spans to its trace id; its baggage is not taken either.
 */
export class OutgoingOnlyPropagator implements TextMapPropagator {
  constructor(private readonly outgoing: TextMapPropagator) {}

  inject(context: Context, carrier: unknown, setter: TextMapSetter): void {
    this.outgoing.inject(context, carrier, setter);
  }

  extract(context: Context, _carrier: unknown, _getter: TextMapGetter): Context {
    return context;
  }

  fields(): string[] {
    return this.outgoing.fields();
  }
}
