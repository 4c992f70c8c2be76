-- Step 8 of the loop: on intake and on the case page, Ombud suggests likely repeats and complaints
-- with similar text (see src/modules/suggestions/).

-- The similarity key of a description, compared with pg_trgm. Latin text is folded as search
-- folds it (lower case, no diacritics, đ → d), so Vietnamese typed without diacritics matches
-- text typed with them. Chinese (and Japanese and Korean) text has no spaces between words: each
-- run of such characters becomes its overlapping character bigrams, and each character is
-- spelled as three ASCII letters or digits (its code point above U+3000 in base 36), so
-- "手机屏幕" becomes three six-letter words. pg_trgm keeps only the characters it counts as
-- letters, and on a server whose ctype is C it drops every non-ASCII one; spelled in ASCII, the
-- key gives the same trigrams on every server, whatever its locale. Characters outside these
-- scripts (other than those unaccent folds to Latin) separate words and are not compared. Only
-- the first 2000 characters of a description count: a complaint says what it is about early.
CREATE FUNCTION ombud_cjk_code(ch text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  SELECT substr(a, n / 1296 + 1, 1) || substr(a, n / 36 % 36 + 1, 1) || substr(a, n % 36 + 1, 1)
    FROM (SELECT '0123456789abcdefghijklmnopqrstuvwxyz' AS a, ascii(ch) - 12288 AS n) AS x
  $$;

CREATE FUNCTION ombud_similar_key(value text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  SELECT coalesce(string_agg(
           CASE
             WHEN p.part ~ '^[a-z0-9]' THEN p.part
             WHEN length(p.part) = 1 THEN ombud_cjk_code(p.part)
             ELSE (SELECT string_agg(ombud_cjk_code(substr(p.part, i, 1))
                                     || ombud_cjk_code(substr(p.part, i + 1, 1)), ' ' ORDER BY i)
                     FROM generate_series(1, length(p.part) - 1) AS i)
           END, ' ' ORDER BY w.n), '')
    FROM regexp_matches(ombud_fold(left(value, 2000)),
           '[a-z0-9]+|[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+', 'g')
         WITH ORDINALITY AS w(m, n)
         CROSS JOIN LATERAL (SELECT w.m[1] AS part) AS p
  $$;

-- The description only: search_folded also holds names, phone numbers and references, which
-- would make two complaints of one customer look alike whatever they say.
ALTER TABLE complaints
  ADD COLUMN similar_key text GENERATED ALWAYS AS (ombud_similar_key(description)) STORED;
-- Finding the nearest cases fast. An index over the trigrams themselves (GIN with `%`, or GiST
-- with `<->`) has to visit every case that shares common words; the complaints of one business
-- share many (bench/similar.bench.ts measures it). Instead each key gets a MinHash sketch: its
-- trigrams are hashed once and spread over 64 bins by the hash's low bits, the least hash of
-- each bin kept (one-permutation hashing). Two keys have the same least hash in a bin with a
-- probability equal to their trigram similarity (pg_trgm's similarity() is the Jaccard index of
-- the trigram sets). Two neighbouring bins make one band, so a band is shared with probability
-- about similarity², and a case that shares any of the 32 bands is a candidate. Suggestions
-- read the newest few cases of each band from an index and rank only those by similarity(), so
-- the work is bounded whatever the size of the org.
CREATE FUNCTION ombud_similar_bands(key text) RETURNS bigint[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$
  WITH hashes AS (SELECT hashtextextended(t, 0) AS h FROM unnest(show_trgm(key)) AS t),
       bins AS (SELECT abs(h % 64) AS bin, min(h) AS m FROM hashes GROUP BY 1)
  SELECT coalesce(array_agg(hashtextextended(a.bin || ':' || a.m || ':' || b.m, 0) ORDER BY a.bin),
                  '{}')
    FROM bins AS a JOIN bins AS b ON b.bin = a.bin + 1
   WHERE a.bin % 2 = 0
  $$;

-- The bands of each complaint's key, kept by a trigger (below) in the complaint's transaction.
-- Up to 32 rows a complaint, so the table has one index only: no foreign key (it would need a
-- second index to cascade); the trigger removes a complaint's bands when it goes.
CREATE TABLE complaint_similar_bands (
  org_id uuid NOT NULL,
  band bigint NOT NULL,
  created_at timestamptz NOT NULL,
  complaint_id uuid NOT NULL,
  PRIMARY KEY (org_id, band, created_at, complaint_id)
);

CREATE FUNCTION ombud_sync_similar_bands() RETURNS trigger
  LANGUAGE plpgsql
  AS $$
  BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
      IF TG_OP = 'UPDATE' AND NEW.similar_key IS NOT DISTINCT FROM OLD.similar_key
         AND NEW.created_at = OLD.created_at THEN
        RETURN NULL;
      END IF;
      DELETE FROM complaint_similar_bands
       WHERE org_id = OLD.org_id AND band = ANY (ombud_similar_bands(OLD.similar_key))
         AND created_at = OLD.created_at AND complaint_id = OLD.id;
      IF TG_OP = 'DELETE' THEN
        RETURN NULL;
      END IF;
    END IF;
    INSERT INTO complaint_similar_bands (org_id, band, created_at, complaint_id)
      SELECT DISTINCT NEW.org_id, b, NEW.created_at, NEW.id
        FROM unnest(ombud_similar_bands(NEW.similar_key)) AS b;
    RETURN NULL;
  END
  $$;
CREATE TRIGGER complaints_similar_bands
  AFTER INSERT OR UPDATE OF description, created_at OR DELETE ON complaints
  FOR EACH ROW EXECUTE FUNCTION ombud_sync_similar_bands();

-- The complaints already there.
INSERT INTO complaint_similar_bands (org_id, band, created_at, complaint_id)
  SELECT DISTINCT c.org_id, b, c.created_at, c.id
    FROM complaints AS c, unnest(ombud_similar_bands(c.similar_key)) AS b;

-- Repeats read one customer's cases through complaints_customer_idx (0001).

-- How an org tunes its suggestions. One row per org; an org without one runs on the defaults.
CREATE TABLE suggestion_settings (
  org_id uuid PRIMARY KEY REFERENCES orgs (id) ON DELETE CASCADE,
  -- A case of the same customer with the same reason or product within this many days is a
  -- likely repeat.
  repeat_days integer NOT NULL DEFAULT 30 CHECK (repeat_days BETWEEN 1 AND 365),
  -- Similar text is looked for in the cases received within this many months.
  similar_months integer NOT NULL DEFAULT 6 CHECK (similar_months BETWEEN 1 AND 36),
  -- The least trigram similarity of the similarity keys that is shown. Chinese, Japanese and
  -- Korean keys (character bigrams) score lower for the same closeness than Latin ones, so
  -- they have a threshold of their own (tuned on the labelled set in the tests).
  similar_threshold real NOT NULL DEFAULT 0.4 CHECK (similar_threshold BETWEEN 0.1 AND 0.95),
  similar_threshold_cjk real NOT NULL DEFAULT 0.25
    CHECK (similar_threshold_cjk BETWEEN 0.1 AND 0.95),
  updated_at timestamptz NOT NULL DEFAULT now()
);
