"""The default config files, shipped as package data (accord.config); $ACCORD_CONFIG_DIR points at a user's own copy."""
