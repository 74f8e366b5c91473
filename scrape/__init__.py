"""Scraping: sources, polite crawling, the WARC archive and crawl state."""
