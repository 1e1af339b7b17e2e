"""Names that are used, though vulture cannot see the call: a whitelist in vulture's own format (each
line names an attribute or function as an expression). Anything else it reports is dead code, and
tests/test_layout.py::test_no_dead_code fails on it.

Not a test module: pytest collects only test_*.py files."""
# ruff: noqa
from newsmon import model
from newsmon.cli import crawl, main, models
from newsmon.store import datasette_plugin

_ = object()

# click registers commands by decorator; the function names are never called directly
crawl.discover
main.demo
models.train_ner_cmd
models.eval_ner_cmd
models.eval_corpus_cmd
models.eval_agreements_cmd
_.format_commands  # click.Group hook: the help listing with maintainer commands apart

# Datasette calls its plugins' hooks by name (the plugin is the `datasette` entry point)
datasette_plugin.prepare_connection

# signal handlers take (signum, frame) by contract
_.signum
_.frame

# urllib's handler hooks (redirect_request, http_open, https_open), http.client's connection
# factory attribute the transport replaces, and the http.server request handler's hooks and class attributes
_.redirect_request
_.http_open
_.https_open
_._create_connection
_.do_GET
_.do_HEAD
_.request_queue_size  # socketserver's listen backlog
_.server_version
_.daemon_threads
_.address_family

# the fetcher's counters and robots state, read by callers and tests
_.requests
_.robots_blocked
_.disallow_all

# public vocabulary and store API used by tests and the schema checks
model.AGREEMENT_STATUSES
_.schema_version

# spaCy reads the tokenizer hook we set (newsmon.train.ner.configure_tokenizer)
_.infix_finditer

# CLI commands imported by name when called (newsmon.cli.main.LAZY_COMMANDS)
_.datasette_metadata
_.digest_command
_.export_command
_.label_command
_.score_command

# a module's __getattr__ (PEP 562): Python calls it for a name the module does not define
# (store.articles hands out Page and Response from store.pages on first use)
_.__getattr__
