import { Injectable } from '@nestjs/common';
import { GenericAdapter } from './adapters/generic.adapter.js';
import { InstagramAdapter } from './adapters/instagram.adapter.js';
import { MercadoLibreAdapter } from './adapters/mercadolibre.adapter.js';
import type { ProviderAdapter } from './adapters/provider-adapter.js';
import { WhatsAppAdapter } from './adapters/whatsapp.adapter.js';
import { ZapierAdapter } from './adapters/zapier.adapter.js';
import type { WebhookProvider } from './domain/webhook-provider.js';

/** One adapter per provider: a provider added to WEBHOOK_PROVIDERS without an adapter does not compile. */
const ADAPTERS: Readonly<Record<WebhookProvider, ProviderAdapter>> = {
  whatsapp: new WhatsAppAdapter(),
  instagram: new InstagramAdapter(),
  mercadolibre: new MercadoLibreAdapter(),
  zapier: new ZapierAdapter(),
  generic: new GenericAdapter(),
};

/** Chooses the adapter of a webhook's (or channel's) provider. Adapters are stateless and shared. */
@Injectable()
export class ProviderAdapterFactory {
  private readonly adapters: ReadonlyMap<string, ProviderAdapter> = new Map(Object.entries(ADAPTERS));

  for(provider: WebhookProvider): ProviderAdapter {
    const adapter = this.adapters.get(provider);
    if (!adapter) throw new RangeError(`unknown webhook provider "${String(provider)}"`);
    return adapter;
  }

  isProvider(value: string): value is WebhookProvider {
    return this.adapters.has(value);
  }
}
