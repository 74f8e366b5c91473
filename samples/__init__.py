"""The bundled sample site, shipped as package data (accord.samples)."""
