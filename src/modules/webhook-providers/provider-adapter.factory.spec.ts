import { WEBHOOK_PROVIDERS, type WebhookProvider } from '../webhooks/entities/webhook.entity.js';
import { GenericAdapter } from './adapters/generic.adapter.js';
import { InstagramAdapter } from './adapters/instagram.adapter.js';
import { MercadoLibreAdapter } from './adapters/mercadolibre.adapter.js';
import { PROVIDERS, ProviderAdapterFactory, type ProviderName } from './provider-adapter.factory.js';
import { WhatsAppAdapter } from './adapters/whatsapp.adapter.js';
import { ZapierAdapter } from './adapters/zapier.adapter.js';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
// Compile-time: the provider names here and in the webhook entity are the same set.
const sameNames: Same<ProviderName, WebhookProvider> = true;

describe('ProviderAdapterFactory', () => {
  const factory = new ProviderAdapterFactory();

  it('lists every provider, the same as webhooks accept', () => {
    expect(sameNames).toBe(true);
    expect(factory.providers()).toEqual(['whatsapp', 'instagram', 'mercadolibre', 'zapier', 'generic']);
    expect(factory.providers()).toBe(PROVIDERS);
    expect([...PROVIDERS].sort()).toEqual([...WEBHOOK_PROVIDERS].sort());
    expect(Object.isFrozen(PROVIDERS)).toBe(true);
  });

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

  it('has an adapter for each listed provider', () => {
    for (const provider of factory.providers()) expect(factory.for(provider).provider).toBe(provider);
  });

  it('refuses an unknown provider', () => {
    expect(() => factory.for('telegram' as ProviderName)).toThrow(RangeError);
  });

  it('tells provider names from other strings', () => {
    expect(factory.isProvider('instagram')).toBe(true);
    expect(factory.isProvider('telegram')).toBe(false);
    expect(factory.isProvider('toString')).toBe(false);
  });
});
