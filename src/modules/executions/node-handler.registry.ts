import { Injectable } from '@nestjs/common';
import type { NodeHandler } from './domain/node-handler.js';

/**
 * The engine knows node types only through this registry: each module that brings a node type
 * registers its handler on start, so adding a type touches no engine file.
 */
@Injectable()
export class NodeHandlerRegistry {
  private readonly handlers = new Map<string, NodeHandler>();

  register(handler: NodeHandler): void {
    if (this.handlers.has(handler.type)) throw new Error(`a handler for node type ${handler.type} is registered twice`);
    this.handlers.set(handler.type, handler);
  }

  get(type: string): NodeHandler | undefined {
    return this.handlers.get(type);
  }
}
