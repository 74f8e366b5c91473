"""Pure transforms: HTML or text in, records out. No I/O in this package."""
