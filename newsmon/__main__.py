from newsmon.cli.main import cli

cli(prog_name="newsmon")
