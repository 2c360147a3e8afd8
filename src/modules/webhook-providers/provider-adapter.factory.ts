import { GenericAdapter } from './adapters/generic.adapter.js';
import { InstagramAdapter } from './adapters/instagram.adapter.js';
import { MercadoLibreAdapter } from './adapters/mercadolibre.adapter.js';
import type { ProviderAdapter } from './adapters/provider-adapter.js';
import { WhatsAppAdapter } from './adapters/whatsapp.adapter.js';
import { ZapierAdapter } from './adapters/zapier.adapter.js';

/** The one list of inbound providers: adding one means a new adapter file and an entry here. */
const ADAPTERS = [
  new WhatsAppAdapter(),
  new InstagramAdapter(),
  new MercadoLibreAdapter(),
  new ZapierAdapter(),
  new GenericAdapter(),
] as const;

export type ProviderName = (typeof ADAPTERS)[number]['provider'];

export const PROVIDERS: readonly ProviderName[] = Object.freeze(ADAPTERS.map((adapter) => adapter.provider));

/** Chooses the adapter of a webhook's (or channel's) provider. Adapters are stateless and shared. */
export class ProviderAdapterFactory {
  private readonly adapters: ReadonlyMap<string, ProviderAdapter> = new Map(
    ADAPTERS.map((adapter) => [adapter.provider, adapter]),
  );

  for(provider: ProviderName): ProviderAdapter {
    const adapter = this.adapters.get(provider);
    if (!adapter) throw new RangeError(`unknown webhook provider "${String(provider)}"`);
    return adapter;
  }

  providers(): readonly ProviderName[] {
    return PROVIDERS;
  }

  isProvider(value: string): value is ProviderName {
    return this.adapters.has(value);
  }
}
