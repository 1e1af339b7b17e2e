"""The SQLite store (sqlite-utils, FTS5): articles and annotations, crawl bookkeeping, search folding, entity lookup."""
