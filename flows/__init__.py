"""Prefect flows: they only wire the scrape, transform and warehouse steps together."""
