-- The three large columns are stored out of line as they are, without PostgreSQL's pglz
-- compression. The embedded engine compresses in WebAssembly on the thread that stores, and it
-- tried every full-text vector too before giving up (binary positions do not compress): on 20,000
-- prepared postings, storing took 25.7-27.2 s before and 18.1-18.4 s after (bench/RESULTS.md),
-- for about a fifth more disk. Rows stored before keep their compressed values.
ALTER TABLE postings
  ALTER COLUMN description SET STORAGE EXTERNAL,
  ALTER COLUMN extract SET STORAGE EXTERNAL,
  ALTER COLUMN search SET STORAGE EXTERNAL;
