"""The `rapport` console script and `python -m bot.cli`: the command line itself is bot.app.cli."""

from __future__ import annotations

from bot.app.cli import main

__all__ = ["main"]

if __name__ == "__main__":
    main()
