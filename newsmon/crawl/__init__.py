"""Getting pages politely: sources as data, discovery (feeds, sitemaps), fetching, the crawl loop, de-duplication."""
