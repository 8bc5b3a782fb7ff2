/** What /metrics says, in Prometheus's text format: one registry per server, so tests can run several. */
import { Counter, collectDefaultMetrics, Gauge, Registry } from 'prom-client';

export interface WorkshopMetrics {
  registry: Registry;
  clientsConnected: Gauge;
  eventsApplied: Counter;
  messagesRefused: Counter<'code'>;
  joinsRefused: Counter<'code'>;
}

export function createMetrics(activeSessions: () => number): WorkshopMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'workshop_sessions_active',
    help: 'Workshop sessions open on this process (restored ones included)',
    registers: [registry],
    collect() {
      this.set(activeSessions());
    },
  });
  return {
    registry,
    clientsConnected: new Gauge({
      name: 'workshop_clients_connected',
      help: 'Devices connected to a session',
      registers: [registry],
    }),
    eventsApplied: new Counter({
      name: 'workshop_events_applied_total',
      help: "Entries appended to sessions' logs (bots' and the clock's included)",
      registers: [registry],
    }),
    messagesRefused: new Counter({
      name: 'workshop_messages_refused_total',
      help: 'Messages answered with an error, by error code',
      labelNames: ['code'],
      registers: [registry],
    }),
    joinsRefused: new Counter({
      name: 'workshop_joins_refused_total',
      help: 'Joins refused, by error code',
      labelNames: ['code'],
      registers: [registry],
    }),
  };
}
