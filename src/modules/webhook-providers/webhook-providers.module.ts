import { Module } from '@nestjs/common';
import { ProviderAdapterFactory } from './provider-adapter.factory.js';

/** Inbound providers: one adapter per provider (signatures, event and customer ids), chosen by a factory. */
@Module({ providers: [ProviderAdapterFactory], exports: [ProviderAdapterFactory] })
export class WebhookProvidersModule {}
