-- prefscope.summary/v1: the sufficient statistics of prefscope's agreement and annotator numbers.
--
-- Input (the user builds these; see src/sql/README.md):
--   judgements(item, annotator, code, is_gold, gold_code, time_seconds)
--     one row per (item, annotator): human judgements of one dimension only.
--     code      = category index 0..4 on the summary's scale (5-point: 0 = A>> ... 4 = B>>;
--                 3-way: 0 = A>, 1 = tie, 2 = B>; binary: 0 = A>, 1 = B>; nominal: sorted label order)
--     is_gold   = 1 on the rows of a gold item (one such row makes the item gold), else 0
--     gold_code = the gold item's category index (same coding), else NULL (an item is scored
--                 against gold when it has is_gold = 1 and a gold_code; conflicting codes: the smallest)
--     time_seconds = seconds spent (a finite number) or NULL
--   judgement_slices(item, annotator, slice, value)
--     one row per judgement and slice column (may be empty: ... FROM judgements WHERE 1 = 0).
--
-- Portable on purpose: plain SELECTs with CTEs, GROUP BY, CASE and window functions only (no casts,
-- no division, no engine-specific functions). The tests run the file unchanged on DuckDB, SQLite (sql.js)
-- and PostgreSQL, and parse it in the BigQuery, Hive (for Spark SQL), Trino and Snowflake dialects of
-- node-sql-parser (test/sql/summaryPortability.test.ts). Categories are fixed columns c0..c4 (K <= 5).
-- Each query follows a line "-- @result NAME"; save each result as NAME (CSV or Parquet) for
-- `npm run summary -- --results DIR`.

-- @result checks
-- The counts over groups are CTEs cross-joined to the totals (one row each), not scalar subqueries in
-- the SELECT list, which node-sql-parser's Trino grammar does not parse.
WITH totals AS (
  SELECT COUNT(*) AS judgements,
         COUNT(DISTINCT item) AS items,
         COUNT(DISTINCT annotator) AS annotators,
         SUM(CASE WHEN code >= 0 AND code <= 4 THEN 0 ELSE 1 END) AS bad_codes,
         MAX(code) AS max_code
  FROM judgements
),
duplicated AS (
  SELECT COUNT(*) AS duplicates
  FROM (SELECT item, annotator FROM judgements GROUP BY item, annotator HAVING COUNT(*) > 1) d
),
conflicting AS (
  SELECT COUNT(*) AS gold_conflicts
  FROM (SELECT item FROM judgements GROUP BY item HAVING MIN(gold_code) < MAX(gold_code)) g
)
SELECT t.judgements, t.items, t.annotators, t.bad_codes, t.max_code, dup.duplicates, con.gold_conflicts
FROM totals t
CROSS JOIN duplicated dup
CROSS JOIN conflicting con;

-- @result label_counts
SELECT code, COUNT(*) AS n
FROM judgements
GROUP BY code
ORDER BY code;

-- @result item_patterns
WITH item_counts AS (
  SELECT item,
         SUM(CASE WHEN code = 0 THEN 1 ELSE 0 END) AS c0,
         SUM(CASE WHEN code = 1 THEN 1 ELSE 0 END) AS c1,
         SUM(CASE WHEN code = 2 THEN 1 ELSE 0 END) AS c2,
         SUM(CASE WHEN code = 3 THEN 1 ELSE 0 END) AS c3,
         SUM(CASE WHEN code = 4 THEN 1 ELSE 0 END) AS c4
  FROM judgements
  GROUP BY item
)
SELECT c0, c1, c2, c3, c4, COUNT(*) AS items
FROM item_counts
GROUP BY c0, c1, c2, c3, c4
ORDER BY c0, c1, c2, c3, c4;

-- @result pair_tables
SELECT x.annotator AS a, y.annotator AS b, x.code AS i, y.code AS j, COUNT(*) AS n
FROM judgements x
JOIN judgements y ON x.item = y.item AND x.annotator < y.annotator
GROUP BY x.annotator, y.annotator, x.code, y.code
ORDER BY a, b, i, j;

-- @result annotators
-- majority_n / majority_agreed: leave-one-out. A label counts when the item's other labels number
-- >= 2 and their plurality category is unique; it agrees when it equals that plurality. The
-- plurality depends only on the item's count vector and the own label, so it is worked out once per
-- distinct (count vector, own label) and joined back.
WITH item_counts AS (
  SELECT item, COUNT(*) AS m,
         SUM(CASE WHEN code = 0 THEN 1 ELSE 0 END) AS c0,
         SUM(CASE WHEN code = 1 THEN 1 ELSE 0 END) AS c1,
         SUM(CASE WHEN code = 2 THEN 1 ELSE 0 END) AS c2,
         SUM(CASE WHEN code = 3 THEN 1 ELSE 0 END) AS c3,
         SUM(CASE WHEN code = 4 THEN 1 ELSE 0 END) AS c4
  FROM judgements
  GROUP BY item
),
cats AS (
  SELECT 0 AS k UNION ALL SELECT 1 AS k UNION ALL SELECT 2 AS k UNION ALL SELECT 3 AS k UNION ALL SELECT 4 AS k
),
others AS (
  SELECT p.c0, p.c1, p.c2, p.c3, p.c4, own.k AS own, cat.k AS k,
         CASE cat.k WHEN 0 THEN p.c0 WHEN 1 THEN p.c1 WHEN 2 THEN p.c2 WHEN 3 THEN p.c3 ELSE p.c4 END
           - CASE WHEN cat.k = own.k THEN 1 ELSE 0 END AS cnt
  FROM (SELECT DISTINCT c0, c1, c2, c3, c4 FROM item_counts WHERE m >= 3) p
  CROSS JOIN cats own
  CROSS JOIN cats cat
),
ranked AS (
  SELECT c0, c1, c2, c3, c4, own, k, cnt,
         MAX(cnt) OVER (PARTITION BY c0, c1, c2, c3, c4, own) AS most
  FROM others
),
plurality AS (
  SELECT c0, c1, c2, c3, c4, own, MIN(k) AS winner
  FROM ranked
  WHERE cnt = most
  GROUP BY c0, c1, c2, c3, c4, own
  HAVING COUNT(*) = 1
),
scored AS (
  SELECT j.annotator, j.code, j.time_seconds, p.winner
  FROM judgements j
  JOIN item_counts ic ON ic.item = j.item
  LEFT JOIN plurality p
    ON p.c0 = ic.c0 AND p.c1 = ic.c1 AND p.c2 = ic.c2 AND p.c3 = ic.c3 AND p.c4 = ic.c4
   AND p.own = j.code AND ic.m >= 3
)
SELECT annotator,
       COUNT(*) AS labels,
       SUM(CASE WHEN code = 0 THEN 1 ELSE 0 END) AS l0,
       SUM(CASE WHEN code = 1 THEN 1 ELSE 0 END) AS l1,
       SUM(CASE WHEN code = 2 THEN 1 ELSE 0 END) AS l2,
       SUM(CASE WHEN code = 3 THEN 1 ELSE 0 END) AS l3,
       SUM(CASE WHEN code = 4 THEN 1 ELSE 0 END) AS l4,
       SUM(CASE WHEN winner IS NULL THEN 0 ELSE 1 END) AS majority_n,
       SUM(CASE WHEN winner = code THEN 1 ELSE 0 END) AS majority_agreed,
       SUM(time_seconds) AS time_sum,
       COUNT(time_seconds) AS time_count
FROM scored
GROUP BY annotator
ORDER BY annotator;

-- @result gold_tables
-- An item is gold when any of its rows says is_gold = 1 and it has a gold code.
WITH gold AS (
  SELECT item, MIN(gold_code) AS gold_code
  FROM judgements
  GROUP BY item
  HAVING MAX(is_gold) = 1 AND MIN(gold_code) IS NOT NULL
)
SELECT j.annotator, j.code, g.gold_code, COUNT(*) AS n
FROM judgements j
JOIN gold g ON g.item = j.item
GROUP BY j.annotator, j.code, g.gold_code
ORDER BY j.annotator, j.code, g.gold_code;

-- @result slice_patterns
WITH slice_items AS (
  SELECT s.slice, s.value, j.item,
         SUM(CASE WHEN j.code = 0 THEN 1 ELSE 0 END) AS c0,
         SUM(CASE WHEN j.code = 1 THEN 1 ELSE 0 END) AS c1,
         SUM(CASE WHEN j.code = 2 THEN 1 ELSE 0 END) AS c2,
         SUM(CASE WHEN j.code = 3 THEN 1 ELSE 0 END) AS c3,
         SUM(CASE WHEN j.code = 4 THEN 1 ELSE 0 END) AS c4
  FROM judgements j
  JOIN judgement_slices s ON s.item = j.item AND s.annotator = j.annotator
  GROUP BY s.slice, s.value, j.item
)
SELECT slice, value, c0, c1, c2, c3, c4, COUNT(*) AS items
FROM slice_items
GROUP BY slice, value, c0, c1, c2, c3, c4
ORDER BY slice, value, c0, c1, c2, c3, c4;
