"""Static figures for the chapters (not widgets), one module per chapter. Each module defines
`figures() -> dict[str, tuple[str, str]]`: {slug: (svg, caption)}. A page shows one with the line
`--8<-- "figures/<slug>.html"`. Slugs are unique across modules."""
