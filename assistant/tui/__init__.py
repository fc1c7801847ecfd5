"""The editor's workspace in the terminal (and, through textual-serve, in a browser).

The only package that imports Textual. Build the app with ``make_app``.
"""
