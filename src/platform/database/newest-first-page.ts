import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

export interface DatedPageFilters {
  dateFrom?: string;
  dateTo?: string;
  page: number;
  limit: number;
}

/**
 * One page of a list newest first by a timestamp property (`alias.property`), with the API's
 * inclusive `dateFrom` / `dateTo` bounds on it; ties broken by id for a stable order.
 */
export async function newestFirstPage<T extends ObjectLiteral>(
  builder: SelectQueryBuilder<T>,
  alias: string,
  property: string,
  filters: DatedPageFilters,
): Promise<{ items: T[]; total: number }> {
  const column = `${alias}.${property}`;
  if (filters.dateFrom) builder.andWhere(`${column} >= :dateFrom`, { dateFrom: filters.dateFrom });
  if (filters.dateTo) builder.andWhere(`${column} <= :dateTo`, { dateTo: filters.dateTo });
  const [items, total] = await builder
    .orderBy(column, 'DESC')
    .addOrderBy(`${alias}.id`, 'ASC')
    .skip((filters.page - 1) * filters.limit)
    .take(filters.limit)
    .getManyAndCount();
  return { items, total };
}
