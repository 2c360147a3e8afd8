import jsonata from 'jsonata';

import { assertJsonWithin } from './bounded-json.js';
import { registerBoundedBuiltins } from './bounded-builtins.js';
import { BUDGET_BINDING, budgetOf } from './budget-binding.js';
import { EvaluationBudget, type EvaluationLimits } from './evaluation-budget.js';
import { analyzeExpression } from './expression-analysis.js';
import { ExpressionError } from './expression-error.js';
import { isFunctionValue } from './function-values.js';
import { re2PatternOf } from './re2-pattern.js';
import { re2RegexEngine } from './re2-regexp.js';
import { hasTemplate, parseTemplate } from './template.js';
import { LruCache } from '../caching/lru-cache.js';
import { assignStepHooks } from '../internals/jsonata-step-hooks.js';
import { formatInserted, serializeJson } from './template-output.js';

/** What `{{ … }}` expressions read: `trigger`, `nodes.<id>.output`, `contact`, `execution`. */
export interface ExpressionContext {
  readonly trigger?: unknown;
  readonly nodes?: Readonly<Record<string, unknown>>;
  readonly contact?: unknown;
  readonly execution?: unknown;
  readonly [key: string]: unknown;
}

/** JSONata variables, e.g. `{ execution: { wait1: { resume_url } } }` for `$execution.wait1.resume_url`. */
export type ExpressionBindings = Readonly<Record<string, unknown>>;

export interface TemplateEvaluatorOptions {
  /** Wall time of one render/renderDeep call. Default 100. */
  timeoutMs?: number;
  /** UTF-8 size of what one render/renderDeep call returns, and of any string on the way. Default 1 MiB. */
  maxResultBytes?: number;
  /** Nesting of JSONata evaluation steps (recursion included). Default 1000. */
  maxDepth?: number;
  /** Longest array/sequence any step may build. Default 100 000. */
  maxSequenceLength?: number;
  /** Compiled templates kept. Default 1000. */
  cacheSize?: number;
  /** Templates longer than this are compiled on every call instead of cached. Default 16 384 chars. */
  maxCachedTemplateLength?: number;
}

export interface RenderOptions {
  /**
   * Applied to every value inserted into a mixed template (not to its literal text, and not to the
   * value of a single-expression template): URL-encoding for URLs, CR/LF stripping for headers,
   * HTML escaping for text bodies.
   */
  encode?: (inserted: string) => string;
}

export interface TemplateCacheStats {
  size: number;
  hits: number;
  misses: number;
}

interface CompiledExpression {
  readonly source: string;
  readonly program: jsonata.Expression;
  /**
   * The options the program was compiled with, kept to give each evaluation of an expression with
   * regex literals its own `RegexEngine` (JSONata reads it when an evaluation starts); undefined
   * for expressions without any.
   */
  readonly regexOptions?: jsonata.JsonataOptions;
}

type CompiledTemplate =
  | { readonly kind: 'single'; readonly expression: CompiledExpression }
  | { readonly kind: 'mixed'; readonly parts: readonly (string | CompiledExpression)[] }
  | { readonly kind: 'invalid'; readonly error: ExpressionError };

// Steps whose value JSONata writes as JSON or compares deeply next (see expression-analysis.ts).
const SERIALIZED_STEPS = new WeakSet<object>();

const DEFAULTS = {
  timeoutMs: 100,
  maxResultBytes: 1024 * 1024,
  maxDepth: 1000,
  maxSequenceLength: 100_000,
  cacheSize: 1000,
  maxCachedTemplateLength: 16_384,
} as const;

/**
 * Renders Flowhook templates: each `{{ expr }}` is a JSONata expression evaluated against the
 * execution context. Sandboxed (JSONata only reads own properties of the data and has no access to
 * JS globals; `$eval` is removed) and bounded in time, output size, sequence length and depth.
 * One instance is meant to be shared: it caches compiled templates.
 */
export class TemplateEvaluator {
  private readonly limits: EvaluationLimits;
  private readonly maxDepth: number;
  private readonly maxCachedTemplateLength: number;
  private readonly cache: LruCache<string, CompiledTemplate>;
  private hits = 0;
  private misses = 0;

  constructor(options: TemplateEvaluatorOptions = {}) {
    this.limits = {
      timeoutMs: positiveInteger('timeoutMs', options.timeoutMs ?? DEFAULTS.timeoutMs),
      maxResultBytes: positiveInteger('maxResultBytes', options.maxResultBytes ?? DEFAULTS.maxResultBytes),
      maxSequenceLength: positiveInteger('maxSequenceLength', options.maxSequenceLength ?? DEFAULTS.maxSequenceLength),
    };
    this.maxDepth = positiveInteger('maxDepth', options.maxDepth ?? DEFAULTS.maxDepth);
    this.maxCachedTemplateLength = positiveInteger(
      'maxCachedTemplateLength',
      options.maxCachedTemplateLength ?? DEFAULTS.maxCachedTemplateLength,
    );
    this.cache = new LruCache(positiveInteger('cacheSize', options.cacheSize ?? DEFAULTS.cacheSize));
  }

  /**
   * A template that is exactly one `{{ expr }}` (whitespace around allowed) yields the value itself
   * (string, number, boolean, null, object, array, or undefined); any other template yields a string
   * with each value inserted. Strings without `{{` are returned unchanged. Throws ExpressionError.
   */
  async render(
    template: string,
    context: ExpressionContext,
    bindings?: ExpressionBindings,
    options?: RenderOptions,
  ): Promise<unknown> {
    if (!hasTemplate(template)) return template;
    return this.renderTemplate(template, context, bindings, options, this.newBudget());
  }

  /** render, with a non-string result written as it would be inserted into text (objects as JSON, undefined/null as ""). */
  async renderToString(
    template: string,
    context: ExpressionContext,
    bindings?: ExpressionBindings,
    options?: RenderOptions,
  ): Promise<string> {
    const value = await this.render(template, context, bindings, options);
    return typeof value === 'string' ? value : formatInserted(value, this.limits.maxResultBytes);
  }

  /**
   * Renders every string inside a JSON value (objects and arrays are copied, keys kept as they
   * are, other values passed through). One time and size budget covers the whole call.
   */
  async renderDeep(
    value: unknown,
    context: ExpressionContext,
    bindings?: ExpressionBindings,
    options?: RenderOptions,
  ): Promise<unknown> {
    return this.renderNode(value, context, bindings, options, this.newBudget());
  }

  cacheStats(): TemplateCacheStats {
    return { size: this.cache.size, hits: this.hits, misses: this.misses };
  }

  private async renderNode(
    value: unknown,
    context: ExpressionContext,
    bindings: ExpressionBindings | undefined,
    options: RenderOptions | undefined,
    budget: EvaluationBudget,
  ): Promise<unknown> {
    if (typeof value === 'string') {
      if (hasTemplate(value)) return this.renderTemplate(value, context, bindings, options, budget);
      budget.chargeText(value);
      return value;
    }
    if (Array.isArray(value)) {
      const out: unknown[] = [];
      for (const item of value) out.push(await this.renderNode(item, context, bindings, options, budget));
      return out;
    }
    if (isPlainObject(value)) {
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value)) {
        const rendered = await this.renderNode(item, context, bindings, options, budget);
        // A `__proto__` key must stay an own property, not replace the copy's prototype.
        Object.defineProperty(out, key, { value: rendered, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
    return value;
  }

  private async renderTemplate(
    template: string,
    context: ExpressionContext,
    bindings: ExpressionBindings | undefined,
    options: RenderOptions | undefined,
    budget: EvaluationBudget,
  ): Promise<unknown> {
    const compiled = this.compile(template);
    if (compiled.kind === 'invalid') throw compiled.error;
    if (compiled.kind === 'single') {
      const value = await this.evaluate(compiled.expression, context, bindings, budget);
      // Writing a large value out is work of its own: in a turn not used up by other evaluations.
      const turn = freeTurn(value, budget, compiled.expression);
      if (turn !== undefined) await turn;
      return withExpression(compiled.expression, () => toTemplateValue(value, budget));
    }
    let out = '';
    for (const part of compiled.parts) {
      if (typeof part === 'string') {
        budget.chargeText(part);
        out += part;
        continue;
      }
      const value = await this.evaluate(part, context, bindings, budget);
      const turn = freeTurn(value, budget, part);
      if (turn !== undefined) await turn;
      let text = withExpression(part, () => formatInserted(value, budget.bytesLeft));
      if (options?.encode !== undefined && text !== '') text = options.encode(text);
      withExpression(part, () => budget.chargeText(text));
      out += text;
    }
    return out;
  }

  private async evaluate(
    expression: CompiledExpression,
    context: ExpressionContext,
    bindings: ExpressionBindings | undefined,
    budget: EvaluationBudget,
  ): Promise<unknown> {
    try {
      budget.checkTime();
      // Read by JSONata synchronously as the evaluation starts, so concurrent evaluations each keep their own.
      if (expression.regexOptions !== undefined) expression.regexOptions.RegexEngine = re2RegexEngine(budget);
      const result: unknown = await expression.program.evaluate(
        context,
        bindings === undefined ? { [BUDGET_BINDING]: budget } : { ...bindings, [BUDGET_BINDING]: budget },
      );
      // One built-in call can run long between two step checks; the bound holds for the whole call.
      budget.checkTime();
      return result;
    } catch (error) {
      throw ExpressionError.from(error, expression.source);
    }
  }

  private compile(template: string): CompiledTemplate {
    const cacheable = template.length <= this.maxCachedTemplateLength;
    if (cacheable) {
      const cached = this.cache.get(template);
      if (cached !== undefined) {
        this.hits++;
        return cached;
      }
    }
    this.misses++;
    const compiled = this.compileUncached(template);
    if (cacheable) this.cache.set(template, compiled);
    return compiled;
  }

  private compileUncached(template: string): CompiledTemplate {
    let source = '';
    try {
      const parsed = parseTemplate(template);
      const parts: (string | CompiledExpression)[] = [];
      for (const part of parsed.parts) {
        if (part.kind === 'text') {
          parts.push(part.text);
        } else {
          source = part.source;
          parts.push({ source, ...this.compileExpression(source) });
        }
      }
      if (parsed.single) {
        const expression = parts.find((part): part is CompiledExpression => typeof part !== 'string');
        if (expression !== undefined) return { kind: 'single', expression };
      }
      return { kind: 'mixed', parts };
    } catch (error) {
      return {
        kind: 'invalid',
        error: error instanceof ExpressionError ? error : ExpressionError.from(error, source),
      };
    }
  }

  private compileExpression(source: string): Omit<CompiledExpression, 'source'> {
    // `stack` makes JSONata count step depth; `sequence` caps sequences and ranges before they are allocated.
    const options: jsonata.JsonataOptions = { stack: this.maxDepth, sequence: this.limits.maxSequenceLength };
    const program = jsonata(source, options);
    const analysis = analyzeExpression(program.ast());
    // Patterns RE2 cannot run fail here, once, rather than at every evaluation.
    for (const regex of analysis.regexes) re2PatternOf(regex);
    for (const step of analysis.serializedSteps) SERIALIZED_STEPS.add(step);
    assignStepHooks(
      program,
      onEvaluateEntry,
      analysis.serializedSteps.size > 0 ? onEvaluateExitSerialized : onEvaluateExit,
    );
    registerBoundedBuiltins(program, this.limits.maxResultBytes);
    return analysis.regexes.length > 0 ? { program, regexOptions: options } : { program };
  }

  private newBudget(): EvaluationBudget {
    return new EvaluationBudget(this.limits);
  }
}

/** Runs `step`, reporting any failure as an ExpressionError that names the expression. */
function withExpression<T>(expression: CompiledExpression, step: () => T): T {
  try {
    return step();
  } catch (error) {
    throw ExpressionError.from(error, expression.source);
  }
}

/**
 * Before writing `value` out: undefined when that is cheap (not an object or array) or this turn's
 * slice of the event loop is not used up, else a wait until a turn's is.
 */
function freeTurn(value: unknown, budget: EvaluationBudget, expression: CompiledExpression): Promise<void> | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const parked = withExpression(expression, () => budget.checkpointBeforeHeavyWork());
  return parked === undefined ? undefined : parked.then(() => freeTurn(value, budget, expression));
}

function onEvaluateEntry(_step: unknown, _input: unknown, environment: jsonata.Environment): Promise<void> | undefined {
  return budgetOf(environment).checkpoint();
}

function onEvaluateExit(_step: unknown, _input: unknown, environment: jsonata.Environment, result: unknown): void {
  budgetOf(environment).checkIntermediate(result);
}

/**
 * onEvaluateExit for expressions with steps JSONata writes as JSON or compares deeply right after
 * (`&`, `=`, …): such a value may not be larger as JSON than a string the template may build, which
 * also bounds that work (a value holding one object many times is exponentially large as JSON).
 */
function onEvaluateExitSerialized(
  step: unknown,
  _input: unknown,
  environment: jsonata.Environment,
  result: unknown,
): void {
  const budget = budgetOf(environment);
  budget.checkIntermediate(result);
  if (
    typeof result === 'object' &&
    result !== null &&
    typeof step === 'object' &&
    step !== null &&
    SERIALIZED_STEPS.has(step)
  ) {
    assertJsonWithin(result, budget.limits.maxResultBytes);
  }
}

/** The value of a single-expression template: JSON data only, detached from the context, size-checked. */
function toTemplateValue(value: unknown, budget: EvaluationBudget): unknown {
  if (value === undefined || value === null || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'string') {
    budget.chargeText(value);
    return value;
  }
  if (isFunctionValue(value)) return undefined;
  const json = serializeJson(value, budget.bytesLeft);
  if (json === undefined) return undefined;
  budget.chargeText(json);
  return JSON.parse(json) as unknown;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`TemplateEvaluator option ${name} must be a positive integer, got ${value}`);
  }
  return value;
}
