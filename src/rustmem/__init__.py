"""rustmem: Rust's memory management, executable and visible.

    rustmem.check(source, filename) -> list[Diagnostic]
    rustmem.run(source, filename, memory="ownership") -> Report
"""
__version__ = "0.1.0"


def check(source: str, filename: str = "main.rs", polonius: bool = False):
    from .api import check as _check
    return _check(source, filename, polonius=polonius)


def run(source: str, filename: str = "main.rs", **options):
    from .api import run as _run
    return _run(source, filename, **options)
