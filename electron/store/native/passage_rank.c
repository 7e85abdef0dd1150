/*
 * passage_rank(): FTS5's bm25() ranking, without bm25's second pass over the index when the query
 * has one phrase.
 *
 * Why a C function: the first time bm25() runs for a query, it counts the documents that hold each
 * phrase (its IDF) by running every phrase again over the whole index (xQueryPhrase). For a search
 * of one phrase, "protection of civilians", that count is a constant factor of every row's score: it
 * cannot change the order, yet it costs as much as finding the matches (3 of the 9 ms of the 10×
 * study's hit list). FTS5 ranking functions can only be written in C; better-sqlite3 cannot register
 * one from JavaScript.
 *
 * The score is bm25's, term for term (k1 = 1.2, b = 0.75, per-column weights as arguments), so a
 * search with several phrases ranks exactly as bm25() does, and a one-phrase search ranks in bm25's
 * order with each score divided by that phrase's IDF. Loaded per connection (never stored in the
 * project), so another SQLite reader of the file is unaffected.
 */
#include "sqlite3ext.h"
SQLITE_EXTENSION_INIT1
#include <math.h>
#include <string.h>

typedef struct RankQuery {
  int phraseCount;
  double averageLength; /* tokens per row, over the whole table */
  double *idf;          /* one per phrase */
  double *frequency;    /* one per phrase, refilled for each row */
} RankQuery;

static int countRow(const Fts5ExtensionApi *api, Fts5Context *fts, void *count) {
  (void)api;
  (void)fts;
  (*(sqlite3_int64 *)count)++;
  return SQLITE_OK;
}

/* What every row of one query shares, computed on its first row and kept as the query's aux data. */
static int rankQuery(const Fts5ExtensionApi *api, Fts5Context *fts, RankQuery **out) {
  RankQuery *query = (RankQuery *)api->xGetAuxdata(fts, 0);
  int rc = SQLITE_OK;
  if (query == 0) {
    int phraseCount = api->xPhraseCount(fts);
    sqlite3_int64 rows = 0, tokens = 0;
    sqlite3_int64 bytes = sizeof(RankQuery) + (sqlite3_int64)phraseCount * 2 * sizeof(double);
    query = (RankQuery *)sqlite3_malloc64(bytes);
    if (query == 0) return SQLITE_NOMEM;
    memset(query, 0, (size_t)bytes);
    query->phraseCount = phraseCount;
    query->idf = (double *)&query[1];
    query->frequency = &query->idf[phraseCount];
    rc = api->xRowCount(fts, &rows);
    if (rc == SQLITE_OK) rc = api->xColumnTotalSize(fts, -1, &tokens);
    if (rc == SQLITE_OK) query->averageLength = rows > 0 ? (double)tokens / (double)rows : 1.0;
    /* One phrase: its IDF scales every score alike, so it is not worth a pass over the index. */
    if (phraseCount == 1) query->idf[0] = 1.0;
    for (int i = 0; rc == SQLITE_OK && phraseCount > 1 && i < phraseCount; i++) {
      sqlite3_int64 hits = 0;
      rc = api->xQueryPhrase(fts, i, &hits, countRow);
      if (rc == SQLITE_OK) {
        double idf = log((rows - hits + 0.5) / (hits + 0.5));
        /* bm25's floor: a phrase in more than half the rows would otherwise score below zero. */
        query->idf[i] = idf <= 0.0 ? 1e-6 : idf;
      }
    }
    if (rc == SQLITE_OK) {
      rc = api->xSetAuxdata(fts, query, sqlite3_free);
    } else {
      sqlite3_free(query);
    }
    if (rc != SQLITE_OK) query = 0;
  }
  *out = query;
  return rc;
}

static void passageRank(const Fts5ExtensionApi *api, Fts5Context *fts, sqlite3_context *context,
                        int weightCount, sqlite3_value **weights) {
  const double k1 = 1.2, b = 0.75;
  RankQuery *query;
  int instances = 0, rowLength = 0;
  double score = 0.0;
  int rc = rankQuery(api, fts, &query);
  if (rc == SQLITE_OK) {
    memset(query->frequency, 0, sizeof(double) * (size_t)query->phraseCount);
    rc = api->xInstCount(fts, &instances);
  }
  for (int i = 0; rc == SQLITE_OK && i < instances; i++) {
    int phrase, column, offset;
    rc = api->xInst(fts, i, &phrase, &column, &offset);
    if (rc == SQLITE_OK)
      query->frequency[phrase] += weightCount > column ? sqlite3_value_double(weights[column]) : 1.0;
  }
  if (rc == SQLITE_OK) rc = api->xColumnSize(fts, -1, &rowLength);
  if (rc != SQLITE_OK) {
    sqlite3_result_error_code(context, rc);
    return;
  }
  for (int i = 0; i < query->phraseCount; i++) {
    double f = query->frequency[i];
    score += query->idf[i] * (f * (k1 + 1.0)) / (f + k1 * (1 - b + b * rowLength / query->averageLength));
  }
  /* Negated like bm25(): FTS5's `ORDER BY rank` puts the best (lowest) first. */
  sqlite3_result_double(context, -score);
}

static fts5_api *fts5Api(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *select = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &select, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(select, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(select);
  }
  sqlite3_finalize(select);
  return api;
}

#ifdef _WIN32
__declspec(dllexport)
#endif
int sqlite3_passagerank_init(sqlite3 *db, char **error, const sqlite3_api_routines *routines) {
  SQLITE_EXTENSION_INIT2(routines);
  fts5_api *api = fts5Api(db);
  if (api == 0) {
    *error = sqlite3_mprintf("passage_rank: this SQLite has no FTS5");
    return SQLITE_ERROR;
  }
  return api->xCreateFunction(api, "passage_rank", 0, passageRank, 0);
}
