import { GenericAdapter } from './adapters/generic.adapter.js';
import { InstagramAdapter } from './adapters/instagram.adapter.js';
import { MercadoLibreAdapter } from './adapters/mercadolibre.adapter.js';
import { WhatsAppAdapter } from './adapters/whatsapp.adapter.js';
import { ZapierAdapter } from './adapters/zapier.adapter.js';
import { WEBHOOK_PROVIDERS, type WebhookProvider } from './domain/webhook-provider.js';
import { ProviderAdapterFactory } from './provider-adapter.factory.js';

describe('ProviderAdapterFactory', () => {
  const factory = new ProviderAdapterFactory();

  it.each([
    ['whatsapp', WhatsAppAdapter],
    ['instagram', InstagramAdapter],
    ['mercadolibre', MercadoLibreAdapter],
    ['zapier', ZapierAdapter],
    ['generic', GenericAdapter],
  ] as const)('gives the %s adapter', (provider, adapterClass) => {
    const adapter = factory.for(provider);
    expect(adapter).toBeInstanceOf(adapterClass);
    expect(adapter.provider).toBe(provider);
    expect(factory.for(provider)).toBe(adapter);
  });

  it('has an adapter for each provider webhooks and channels accept', () => {
    for (const provider of WEBHOOK_PROVIDERS) expect(factory.for(provider).provider).toBe(provider);
  });

  it('refuses an unknown provider', () => {
    expect(() => factory.for('telegram' as WebhookProvider)).toThrow(RangeError);
  });

  it('tells provider names from other strings', () => {
    expect(factory.isProvider('instagram')).toBe(true);
    expect(factory.isProvider('telegram')).toBe(false);
    expect(factory.isProvider('toString')).toBe(false);
  });
});
