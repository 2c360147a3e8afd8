import type {
  FindManyOptions,
  FindOptionsOrder,
  FindOptionsWhere,
  ObjectLiteral,
  Repository,
  SelectQueryBuilder,
} from 'typeorm';

/** Every tenant-owned row carries its tenant. */
export interface TenantOwned extends ObjectLiteral {
  id: string;
  tenantId: string;
}

export interface Page<T> {
  items: T[];
  total: number;
}

/**
 * The only way modules touch tenant-owned rows: every read and write takes the tenant id and adds it
 * to the WHERE clause, so no code path can reach another tenant's data. A row of another tenant is
 * simply not found (callers answer 404, never 403).
 */
export class TenantScopedRepository<T extends TenantOwned> {
  constructor(protected readonly repository: Repository<T>) {}

  findById(tenantId: string, id: string): Promise<T | null> {
    return this.repository.findOne({ where: this.scope(tenantId, { id } as FindOptionsWhere<T>) });
  }

  findOne(tenantId: string, where: FindOptionsWhere<T>): Promise<T | null> {
    return this.repository.findOne({ where: this.scope(tenantId, where) });
  }

  find(tenantId: string, where: FindOptionsWhere<T> = {}, order?: FindOptionsOrder<T>): Promise<T[]> {
    return this.repository.find({ where: this.scope(tenantId, where), order });
  }

  async findPage(
    tenantId: string,
    where: FindOptionsWhere<T> | FindOptionsWhere<T>[],
    page: number,
    limit: number,
    order: FindOptionsOrder<T>,
  ): Promise<Page<T>> {
    const scoped = Array.isArray(where) ? where.map((w) => this.scope(tenantId, w)) : this.scope(tenantId, where);
    const options: FindManyOptions<T> = { where: scoped, order, skip: (page - 1) * limit, take: limit };
    const [items, total] = await this.repository.findAndCount(options);
    return { items, total };
  }

  /** A query builder already restricted to the tenant, for filters find options cannot express. */
  queryBuilder(tenantId: string, alias: string): SelectQueryBuilder<T> {
    return this.repository.createQueryBuilder(alias).where(`${alias}.tenantId = :tenantId`, { tenantId });
  }

  /** Inserts or updates; refuses an entity that belongs to another tenant. */
  async save(tenantId: string, entity: T): Promise<T> {
    if (entity.tenantId !== tenantId) throw new Error('tenant mismatch: refusing to save a row of another tenant');
    return this.repository.save(entity);
  }

  /** Returns whether a row of this tenant was deleted. */
  async deleteById(tenantId: string, id: string): Promise<boolean> {
    const result = await this.repository.delete(this.scope(tenantId, { id } as FindOptionsWhere<T>));
    return (result.affected ?? 0) > 0;
  }

  private scope(tenantId: string, where: FindOptionsWhere<T>): FindOptionsWhere<T> {
    return { ...where, tenantId } as FindOptionsWhere<T>;
  }
}
