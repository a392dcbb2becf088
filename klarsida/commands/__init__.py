"""Subcommands of `klarsida`, one module each (see klarsida/cli.py for the interface)."""
