"""One module per widget, same name as in widgets/: the static figure that stands in for the
widget until (or unless) Python runs. Each module defines

    CAPTION: str          -- what the figure shows; says "Illustrative" where the data is
    figure() -> str       -- an <svg> (from site_build.svg.to_svg) of the widget's default state

and may define `data() -> dict[str, bytes]`: files the page downloads, written under
docs/generated/data/ (keys are paths relative to that folder).
"""
