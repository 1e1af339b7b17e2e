from newsmon.cli import cli

cli(prog_name="newsmon")
