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
-- GiST answers `ORDER BY similar_key <-> $1 LIMIT n` nearest first and stops after n rows.
-- GIN would have to list every row above the threshold first, and complaints of one business
-- share many words: measured in bench/similar.bench.ts. A long signature (bits per trigram)
-- keeps descriptions of a few hundred trigrams apart.
CREATE INDEX complaints_similar_idx ON complaints USING gist (similar_key gist_trgm_ops (siglen = 256));
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
