import type { GraphStore, StoredDocument } from '@vanban/store';
import { ApiError } from '../plugins/errors.js';

/** The one document an id or số ký hiệu names; 404 when none, 400 listing the candidates when several. */
export async function findOne(store: GraphStore, ref: string, filters: { year?: number; province?: string }, field: string): Promise<StoredDocument> {
  const found = await store.find(ref, filters);
  if (found.length === 1) return found[0];
  if (!found.length) {
    const narrowed = [filters.year && `year ${filters.year}`, filters.province && `province ${filters.province}`].filter(Boolean).join(', ');
    throw new ApiError(404, `No document "${ref}"${narrowed ? ` (${narrowed})` : ''}`, { field });
  }
  throw new ApiError(400, `"${ref}" names ${found.length} documents; pass an id, or narrow with year and province`, { field, candidates: found.slice(0, 50) });
}
