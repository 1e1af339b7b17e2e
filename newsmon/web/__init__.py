"""The read-only web UI (`newsmon serve`): the standard library's threading HTTP server and server-rendered pages."""
