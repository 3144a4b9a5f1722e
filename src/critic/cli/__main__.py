from critic.cli.main import cli

cli()
