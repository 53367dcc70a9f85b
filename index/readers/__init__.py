"""One reader per format: file bytes → Blocks → Report (index/parse.py picks one by
what the bytes are). Tables, shared by all, in tables.py."""
