"""`newsmon serve`: the read-only web UI (newsmon/web/), registered by cli/main.py."""
from __future__ import annotations

import signal
import threading

import click

from newsmon.cli.context import CliContext
from newsmon.store.articles import StoreError
from newsmon.web.server import DEFAULT_PORT, make_server

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on. The UI has no login: anyone who can reach it reads the whole "
                   "database, so keep the default unless the network is trusted.")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on (0: any free port).")
@click.pass_obj
def serve(obj: CliContext, host: str, port: int) -> None:
    """Browse the database in a web browser: search, entities, agreements, digest, export.

    Read-only, and safe to run while a crawl writes to the same database. Every page is also
    available as JSON (add ?format=json); /export.jsonl streams the annotated corpus.
    Stop it with Ctrl-C.

    \b
    Example:
        newsmon --db news.db serve --port 8001
        # then open http://127.0.0.1:8001/
    """
    db = obj.db
    try:
        server = make_server(db, host, port, kb=obj.kb)
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    except OSError as exc:
        raise click.ClickException(f"cannot serve on {host}:{port} ({exc.strerror or exc}); "
                                   "try another --port, or --port 0") from None
    if host not in LOOPBACK:
        click.echo(f"warning: listening on {host}: anyone who can reach it can read {db}", err=True)
    click.echo(f"serving {db} at {server.url}  (Ctrl-C to stop)", err=True)
    # Ctrl-C and a service manager's SIGTERM both stop it cleanly. Set explicitly: a process started
    # in the background by a non-interactive shell inherits SIGINT ignored, and would never stop.
    # The handler asks the accept loop to end (within its 0.5 s poll) rather than raising wherever the
    # main thread happens to be (starting a request's thread, holding a slot), which could leave it
    # stuck; a second signal stops at once.
    stopping = threading.Event()

    def stop(signum: int, frame: object) -> None:
        if stopping.is_set():
            raise KeyboardInterrupt
        stopping.set()
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGTERM, stop)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    click.echo("stopped", err=True)
