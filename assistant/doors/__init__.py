"""The ways in: the text REPL and the voice loop (and its yes/no answer window)."""
