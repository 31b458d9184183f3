import { basename } from 'node:path';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { ApiErrorSchema, UploadResponseSchema } from '@vanban/schema';
import { contentHash } from '@vanban/store';
import { hasValidKey } from '../api-key.js';
import { ApiError } from '../plugins/errors.js';
import { expensive } from '../plugins/rate-limit.js';

const MAX_FILES = 50;

/** A safe stored name for an uploaded file: its base name, nothing that could climb out of `upload/`. */
const sourceName = (filename: string): string => `upload/${basename(filename.replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'unnamed.txt'}`;

/** The multipart limit errors as a 413 naming the file or the limit; anything else is not ours. */
function tooLarge(error: unknown, name: string | undefined, limit: number): ApiError | undefined {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ApiError(413, `File "${name ?? '?'}" is larger than ${limit} bytes; nothing from this upload was stored`, { field: 'body.files', limit, ...(name ? { file: name } : {}) });
  }
  if (code === 'FST_FILES_LIMIT') return new ApiError(413, `More than ${MAX_FILES} files in one upload; nothing was stored: send them in smaller batches`, { field: 'body.files', limit: MAX_FILES });
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new ApiError(413, 'Too many form fields; send only the files (field "files")', { field: 'body' });
  return undefined;
}

/**
 * POST /api/documents: multipart upload of one or more .md/.txt files to ingest, with the API key.
 * Every file is read first (a file over the limit fails the request with 413 before anything is
 * stored), then each is stored in its own transaction — a bad file is reported and the others are
 * stored.
 */
export const uploadRoutes: FastifyPluginAsync<{ apiKey?: string; uploadLimitBytes: number }> = async (app, { apiKey, uploadLimitBytes }) => {
  await app.register(multipart, { limits: { fileSize: uploadLimitBytes, files: MAX_FILES, fields: 10, fieldSize: 1024 } });

  app.withTypeProvider<ZodTypeProvider>().post('/documents', {
    config: expensive,
    schema: {
      summary: `Upload files (multipart, field "files", at most ${MAX_FILES}, each ≤ ${uploadLimitBytes} bytes) to ingest; needs the API key`,
      tags: ['documents'],
      consumes: ['multipart/form-data'],
      security: [{ apiKey: [] }],
      response: { 200: UploadResponseSchema, 400: ApiErrorSchema, 401: ApiErrorSchema, 413: ApiErrorSchema, 415: ApiErrorSchema, 429: ApiErrorSchema },
    },
    preValidation: async (request) => {
      if (!apiKey) throw new ApiError(401, 'Uploads are disabled: the server has no VANBAN_API_KEY');
      if (!hasValidKey(request, apiKey)) throw new ApiError(401, 'A valid API key is required (x-api-key header or Authorization: Bearer)');
      if (!request.isMultipart()) throw new ApiError(415, 'Send the files as multipart/form-data', { field: 'body' });
    },
    handler: async (request) => {
      const received: Array<{ name: string; bytes: Buffer }> = [];
      let current: string | undefined;
      try {
        for await (const part of request.files()) {
          current = part.filename;
          received.push({ name: part.filename, bytes: await part.toBuffer() });
        }
      } catch (error) {
        throw tooLarge(error, current, uploadLimitBytes) ?? error;
      }
      if (!received.length) throw new ApiError(400, 'No file in the upload', { field: 'body.files' });
      const files = [];
      const seen = new Set<string>();
      for (const { name, bytes } of received) {
        const source = sourceName(name);
        // a stored name is one file: a second file of the same name would replace the first
        if (seen.has(source)) {
          const reason = `Another file in this upload has the same name (${source.slice('upload/'.length)}); nothing stored for this one: rename it and upload it again`;
          files.push({ source, name, status: 'failed' as const, documents: 0, citations: 0, ids: [], messages: [{ reason, ruleId: 'upload:same-name', line: null, column: null, severity: 'error' as const }] });
          continue;
        }
        seen.add(source);
        try {
          const hash = contentHash(bytes);
          const unchanged = await app.store.isUnchanged(source, hash);
          const extraction = unchanged ? undefined : await app.extract(source, bytes);
          const result = await app.store.ingestFile({ source, bytes, hash, extraction });
          const ids = result.status === 'failed' ? [] : (await app.store.documentsFromSource(result.duplicateOf ?? source)).map((d) => d.id);
          files.push({ ...result, name, ids });
        } catch (error) {
          request.log.error({ err: error, source }, 'upload failed to store');
          files.push({ source, name, status: 'failed' as const, documents: 0, citations: 0, ids: [], messages: [{ reason: `Could not store the file (request id ${request.id})`, ruleId: 'store:failed', line: null, column: null, severity: 'error' as const }] });
        }
      }
      // each file's citations were resolved as it was stored, with earlier citations that now find
      // it; the corpus-wide pass (`vanban resolve`, ~10 s on 100,000 documents) would stall the server
      return { files };
    },
  });
};
