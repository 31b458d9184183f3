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

/** A file's base name, nothing that could climb out of its folder. */
const baseName = (filename: string): string => basename(filename.replace(/\\/g, '/')).replace(/[\u0000-\u001f]/g, '').slice(0, 200) || 'unnamed.txt';

/**
 * Where an upload is stored: `upload/<first 16 hex digits of its sha256>/<its name>`. Two offices'
 * different `congvan.txt` are two files, so an upload never replaces another upload's documents; the
 * same bytes again are the same file ("unchanged"), and the same text under another name or encoding
 * is found by the store's duplicate check (`duplicateOf`).
 */
const sourceName = (filename: string, hash: string): string => `upload/${hash.slice(0, 16)}/${baseName(filename)}`;

/** The multipart parser's messages for a body that ends before its closing boundary (@fastify/busboy's plain errors). */
const CUT_OFF = /Unexpected end of multipart data|terminated early/;

/**
 * A multipart error as the client's fault, naming the field or the limit: 413 over a limit, 400 for a
 * body that is malformed or cut off; anything else is not ours (a 500).
 */
function multipartError(error: unknown, name: string | undefined, limit: number): ApiError | undefined {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  const file = name ? { file: name } : {};
  if (code === 'FST_REQ_FILE_TOO_LARGE') {
    return new ApiError(413, `File "${name ?? '?'}" is larger than ${limit} bytes; nothing from this upload was stored`, { field: 'body.files', limit, ...file });
  }
  if (code === 'FST_FILES_LIMIT') return new ApiError(413, `More than ${MAX_FILES} files in one upload; nothing was stored: send them in smaller batches`, { field: 'body.files', limit: MAX_FILES });
  if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') return new ApiError(413, 'Too many form fields; send only the files (field "files")', { field: 'body' });
  if (code === 'FST_PROTO_VIOLATION') return new ApiError(400, 'A form field is named "__proto__", which is not allowed; send only the files (field "files")', { field: 'body' });
  if (code === 'FST_INVALID_JSON_FIELD_ERROR') return new ApiError(400, 'A form field declared as application/json is not valid JSON; send only the files (field "files")', { field: 'body' });
  if (message.startsWith('Multipart: Boundary not found')) {
    return new ApiError(400, 'The Content-Type has no boundary: send multipart/form-data; boundary=… (a form or FormData sets it)', { field: 'headers.content-type' });
  }
  if (code === 'FST_MP_PREMATURE_CLOSE' || CUT_OFF.test(message)) {
    const what = name ? `was cut off in file "${name}"` : 'is malformed or was cut off';
    return new ApiError(400, `The multipart body ${what}: no closing boundary; nothing from this upload was stored`, name ? { field: 'body.files', ...file } : { field: 'body' });
  }
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
    config: { ...expensive, bodyTypes: 'multipart/form-data with the files in field "files"' },
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
          current = undefined;
        }
      } catch (error) {
        const refusal = multipartError(error, current, uploadLimitBytes);
        if (!refusal) throw error;
        // the client's mistake, not ours: no stack trace at error level
        request.log.info({ problem: error instanceof Error ? error.message : String(error), file: current }, 'upload refused: %s', refusal.message);
        throw refusal;
      }
      if (!received.length) throw new ApiError(400, 'No file in the upload', { field: 'body.files' });
      const files = [];
      for (const { name, bytes } of received) {
        const hash = contentHash(bytes);
        const source = sourceName(name, hash);
        try {
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
