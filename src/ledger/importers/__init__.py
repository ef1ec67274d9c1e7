"""Importers: ledgers made from the files people download (a face: they read files, build
entries, and never change what an entry means).

- :mod:`ledger.importers.worldbank`: the World Bank's indicator CSV files (the bulk download
  and the DataBank export).
"""

from __future__ import annotations

from .worldbank import AGGREGATES, INDICATORS, RowsLeftOutWarning, read_worldbank

__all__ = ["AGGREGATES", "INDICATORS", "RowsLeftOutWarning", "read_worldbank"]
