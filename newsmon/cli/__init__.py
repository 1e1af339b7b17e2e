"""The command line: thin click commands over the library (crawl, store, pipeline, web, eval, train)."""
